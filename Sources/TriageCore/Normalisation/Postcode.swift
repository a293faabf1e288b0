import Foundation

/// Postcode normalisation for the countries the storefront ships to: US ZIP codes, Canadian and UK postcodes.
///
/// Pure and conservative: it reformats (case, spacing, separators, ZIP+4 hyphen) but never guesses a
/// character, so `9021O` (letter O) or a 4-digit ZIP stay unfixable and go to a person.
public enum Postcode {
    /// Normalises `raw` for `country` (ISO 3166 alpha-2: `US`, `CA`, `GB`; `UK` is read as `GB`).
    public static func normalise(_ raw: String, country: String) -> PostcodeResult {
        let compact = compacted(raw)
        guard !compact.isEmpty else { return .unfixable("postcode is empty") }
        switch country.trimmingCharacters(in: .whitespaces).uppercased() {
        case "US", "USA": return unitedStates(compact, raw: raw)
        case "CA", "CAN": return canada(compact, raw: raw)
        case "GB", "UK", "GBR": return unitedKingdom(compact, raw: raw)
        default: return .unfixable("postcode rules for country \"\(country.prefix(20))\" are not known")
        }
    }

    /// Upper-case ASCII bytes with white space, hyphens and dots removed: the shape every country's check
    /// starts from. A non-ASCII character becomes 0xFF, which no country accepts.
    static func compacted(_ raw: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        for scalar in raw.unicodeScalars where !isSeparator(scalar) {
            guard scalar.isASCII else {
                bytes.append(0xFF)
                continue
            }
            let byte = UInt8(scalar.value)
            bytes.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
        }
        return bytes
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "." || scalar.properties.isWhitespace
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    static func text(_ bytes: some Sequence<UInt8>) -> String { String(decoding: Array(bytes), as: UTF8.self) }
}
