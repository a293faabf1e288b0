import Foundation

/// An amount of money in minor units (cents), exact to the cent.
///
/// Retail systems send money as decimal strings ("48.48"); floating point would drift, so amounts are
/// kept as integer cents and formatted back to decimal strings.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in minor units (cents).
    public var cents: Int64

    /// Creates an amount from minor units.
    public init(cents: Int64) { self.cents = cents }

    /// Parses a decimal string such as `"48.48"`, `"-3"`, `"1,234.50"` or `"1.234,50"`; nil when it is not money.
    public init?(_ text: String) {
        guard let cents = Money.parseCents(text) else { return nil }
        self.cents = cents
    }

    /// Zero.
    public static let zero = Money(cents: 0)

    /// The amount as a decimal string with two places, e.g. `"48.48"`.
    public var description: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The amount as a floating-point number of major units, for ratios and display only.
    public var doubleValue: Double { Double(cents) / 100 }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(cents: lhs.cents * Int64(rhs)) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self.cents = Int64((number * 100).rounded())
        } else {
            let text = try container.decode(String.self)
            guard let cents = Money.parseCents(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a money amount")
            }
            self.cents = cents
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func parseCents(_ raw: String) -> Int64? {
        var text = raw.trimmingCharacters(in: .whitespaces).filter { $0 != " " && $0 != "\u{00A0}" && $0 != "'" }
        var negative = false
        if text.hasPrefix("-") || text.hasPrefix("(") && text.hasSuffix(")") {
            negative = true
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: "-()"))
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else {
            return nil
        }
        let decimalSeparator = decimalSeparatorIndex(text)
        var whole = text
        var fraction = ""
        if let separator = decimalSeparator {
            whole = String(text[..<separator])
            fraction = String(text[text.index(after: separator)...])
        }
        whole.removeAll { $0 == "," || $0 == "." }
        guard fraction.count <= 4, fraction.allSatisfy(\.isNumber), let units = Int64(whole.isEmpty ? "0" : whole)
        else { return nil }
        let padded = (fraction + "0000").prefix(4)
        guard let minor4 = Int64(padded) else { return nil }
        let cents = units * 100 + (minor4 + 50) / 100
        return negative ? -cents : cents
    }

    /// The last `.` or `,` followed by one, two or four digits is the decimal separator.
    private static func decimalSeparatorIndex(_ text: String) -> String.Index? {
        guard let index = text.lastIndex(where: { $0 == "." || $0 == "," }) else { return nil }
        let tail = text[text.index(after: index)...]
        if text[index] == "," && tail.count == 3 { return nil }
        if text[index] == "." && tail.count == 3 && text.filter({ $0 == "." }).count > 1 { return nil }
        return index
    }
}

extension Money {
    /// Parses a `JSONValue` holding a decimal string or number.
    public init?(json: JSONValue?) {
        guard let json else { return nil }
        switch json {
        case .number(let value): self.init(cents: Int64((value * 100).rounded()))
        case .string(let value): self.init(value)
        default: return nil
        }
    }
}
