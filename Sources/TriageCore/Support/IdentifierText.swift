import Foundation

/// The rule for identifiers people and systems type or paste: event ids, sources, order numbers, user names.
///
/// An id that holds a NUL or another control character would be cut or compared wrongly by a system downstream,
/// so it is refused naming its field. Text that only looks different — full-width digits, a right-to-left mark
/// pasted with an order number — is brought to one form (NFKC, invisible marks removed), so `１０２３８４` and
/// `‏102384` find order 102384.
public enum IdentifierText {
    /// Bidirectional controls and zero-width characters: invisible, never part of an id.
    static let invisible: Set<UInt32> = Set(
        [0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF] + Array(0x202A...0x202E)
            + Array(0x2066...0x2069))

    /// NFKC with invisible marks removed and surrounding spaces trimmed.
    public static func normalised(_ text: String) -> String {
        let folded = text.unicodeScalars.allSatisfy(\.isASCII) ? text : text.precomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: folded.unicodeScalars.lazy.filter { !invisible.contains($0.value) })
        return String(scalars).trimmingCharacters(in: .whitespaces)
    }

    /// A shop's order name as Triage stores order numbers: ``normalised(_:)`` without the "#" shops print before it
    /// (Shopify's `name` "#1001", a Stripe `metadata.order_number` copied from it).
    public static func orderNumber(_ text: String) -> String {
        let number = normalised(text)
        return number.hasPrefix("#") ? String(number.dropFirst()).trimmingCharacters(in: .whitespaces) : number
    }

    /// Why `text` cannot be an id, or nil: a control character (NUL, ESC, a line end) or a bidirectional override.
    public static func problem(_ text: String) -> String? {
        // Printable ASCII (the usual id) has no control or invisible character: no need to look up categories.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                return "contains the control character U+\(hex(scalar)); ids are printable text"
            }
            if invisible.contains(scalar.value) {
                return "contains the invisible character U+\(hex(scalar)) (a direction or zero-width mark)"
            }
        }
        return nil
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
