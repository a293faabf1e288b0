/// Valid postcodes for US, CA and GB, and the malformed spellings customers type into a checkout.
enum PostcodeFactory {
    /// Letters Canada Post uses in postcodes.
    static let canadianLetters = Array("ABCEGHJKLMNPRSTVWXYZ")
    /// Letters Royal Mail uses in the inward code.
    static let britishInwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ")

    /// A valid postcode with the given city prefix.
    static func valid(country: String, prefix: String, random: inout DemoRandom) -> String {
        switch country {
        case "CA":
            let letter = canadianLetters[random.below(canadianLetters.count)]
            return "\(prefix) \(random.below(10))\(letter)\(random.below(10))"
        case "GB":
            let first = britishInwardLetters[random.below(britishInwardLetters.count)]
            let second = britishInwardLetters[random.below(britishInwardLetters.count)]
            return "\(prefix) \(random.int(1...9))\(first)\(second)"
        default:
            let tail = random.int(1...98)
            return prefix + (tail < 10 ? "0\(tail)" : "\(tail)")
        }
    }

    /// A badly formatted but fixable spelling of a valid postcode.
    static func fixable(_ postcode: String, country: String, random: inout DemoRandom) -> String {
        let compact = postcode.replacingOccurrences(of: " ", with: "")
        switch (country, random.below(4)) {
        case ("US", 0): return "\(postcode)\(random.int(1000...9999))"
        case ("US", 1): return " \(postcode) "
        case ("US", 2): return "\(postcode.prefix(3)) \(postcode.dropFirst(3))"
        case ("US", _): return "\(postcode)-\(random.int(1000...9999)) "
        case (_, 0): return postcode.lowercased()
        case (_, 1): return compact
        case (_, 2): return compact.lowercased()
        default: return "  " + postcode.replacingOccurrences(of: " ", with: "  ")
        }
    }

    /// A spelling no normaliser can fix: letters in a US ZIP, a wrong length, a digit where a letter belongs.
    static func unfixable(_ postcode: String, country: String, random: inout DemoRandom) -> String {
        switch (country, random.below(3)) {
        case ("US", 0): return String(postcode.prefix(2)) + "O" + String(postcode.dropFirst(3))
        case ("US", 1): return String(postcode.prefix(4))
        case ("US", _): return postcode + String(random.below(10))
        case ("CA", 0): return String(postcode.dropLast())
        case ("CA", _): return "1" + String(postcode.dropFirst())
        case (_, 0): return String(postcode.dropLast())
        default: return "\(random.int(10...99))" + String(postcode.dropFirst(2))
        }
    }
}
