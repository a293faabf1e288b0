extension Postcode {
    /// Canadian postal code `A1A 1A1`: letters and digits alternate, D F I O Q U never appear, and the
    /// first letter names a province (W and Z are not used there).
    static func canada(_ bytes: [UInt8], raw: String) -> PostcodeResult {
        guard bytes.count == 6 else {
            return .unfixable("a Canadian postal code has 6 characters (A1A 1A1), not \(bytes.count)")
        }
        for (index, byte) in bytes.enumerated() {
            let wantsLetter = index % 2 == 0
            guard wantsLetter ? isLetter(byte) : isDigit(byte) else {
                return .unfixable("a Canadian postal code alternates letter and digit (A1A 1A1)")
            }
            if wantsLetter && canadaNeverUsed.contains(byte) {
                return .unfixable("the letter \(text([byte])) is not used in Canadian postal codes")
            }
        }
        guard canadaFirstLetters.contains(bytes[0]) else {
            return .unfixable("no Canadian province has postal codes starting with \(text([bytes[0]]))")
        }
        return .normalised(text(bytes.prefix(3)) + " " + text(bytes.suffix(3)), raw: raw)
    }

    private static let canadaNeverUsed = Set("DFIOQU".utf8)
    private static let canadaFirstLetters = Set("ABCEGHJKLMNPRSTVXY".utf8)
}
