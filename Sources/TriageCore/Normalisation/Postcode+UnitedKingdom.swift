extension Postcode {
    /// UK postcode: an outward code (A9, A99, A9A, AA9, AA99, AA9A), a space, and an inward code (9AA).
    ///
    /// Letter positions follow Royal Mail's restrictions; `GIR 0AA` is accepted as the one special case.
    static func unitedKingdom(_ bytes: [UInt8], raw: String) -> PostcodeResult {
        guard (5...7).contains(bytes.count) else {
            return .unfixable("a UK postcode has 5 to 7 characters without the space, not \(bytes.count)")
        }
        let outward = Array(bytes.dropLast(3))
        let inward = Array(bytes.suffix(3))
        let normal = text(outward) + " " + text(inward)
        if normal == "GIR 0AA" { return .normalised(normal, raw: raw) }
        guard isInward(inward) else {
            return .unfixable("a UK inward code is a digit and two letters (not C, I, K, M, O, V), e.g. 1AA")
        }
        guard isOutward(outward) else {
            return .unfixable("\"\(text(outward))\" is not a UK outward code (A9, A99, A9A, AA9, AA99, AA9A)")
        }
        return .normalised(normal, raw: raw)
    }

    private static func isInward(_ code: [UInt8]) -> Bool {
        isDigit(code[0]) && inwardLetters.contains(code[1]) && inwardLetters.contains(code[2])
    }

    /// Matches the outward code against the six shapes, position by position.
    private static func isOutward(_ code: [UInt8]) -> Bool {
        guard let first = code.first, firstLetters.contains(first) else { return false }
        let rest = Array(code.dropFirst())
        if let second = rest.first, isLetter(second) {
            guard secondLetters.contains(second) else { return false }
            return isDistrict(Array(rest.dropFirst()), letters: fourthLetters)
        }
        return isDistrict(rest, letters: thirdLetters)
    }

    /// The district after the area letters: 9, 99 or 9A (with the allowed letters for that position).
    private static func isDistrict(_ code: [UInt8], letters: Set<UInt8>) -> Bool {
        switch code.count {
        case 1: return isDigit(code[0])
        case 2: return isDigit(code[0]) && (isDigit(code[1]) || letters.contains(code[1]))
        default: return false
        }
    }

    private static let firstLetters = Set("ABCDEFGHIJKLMNOPRSTUWYZ".utf8)
    private static let secondLetters = Set("ABCDEFGHKLMNOPQRSTUVWXY".utf8)
    private static let thirdLetters = Set("ABCDEFGHJKPSTUW".utf8)
    private static let fourthLetters = Set("ABEHMNPRVWXY".utf8)
    private static let inwardLetters = Set("ABDEFGHJLNPQRSTUWXYZ".utf8)
}
