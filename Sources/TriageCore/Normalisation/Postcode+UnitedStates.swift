extension Postcode {
    /// US ZIP (`02138`) or ZIP+4 (`02138-1234`); nine digits in a row are split as ZIP+4.
    ///
    /// Four digits are not repaired: a lost leading zero is likely (New England ZIPs start with 0) but the
    /// fix cannot be checked without the state, so a person decides.
    static func unitedStates(_ bytes: [UInt8], raw: String) -> PostcodeResult {
        guard bytes.allSatisfy(isDigit) else {
            return .unfixable("a US ZIP code has only digits; \"\(raw.prefix(20))\" has other characters")
        }
        switch bytes.count {
        case 5:
            return .normalised(text(bytes), raw: raw)
        case 9:
            return .normalised(text(bytes.prefix(5)) + "-" + text(bytes.suffix(4)), raw: raw)
        case 4:
            return .unfixable(
                "a US ZIP code has 5 digits; 4 digits may have lost a leading zero, which needs the state")
        default:
            return .unfixable("a US ZIP code has 5 or 9 digits, not \(bytes.count)")
        }
    }
}
