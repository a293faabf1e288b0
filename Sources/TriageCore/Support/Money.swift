import Foundation

/// An amount of money in minor units (cents), exact to the cent.
///
/// Retail systems send money as decimal strings ("48.48"); floating point would drift, so amounts are
/// kept as integer cents and formatted back to decimal strings. Parsing is total: an amount beyond
/// ``Money/limit`` (or NaN, or infinite) is rejected, never trapped on, and arithmetic saturates.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in minor units (cents).
    public var cents: Int64

    /// The largest magnitude parsing accepts: 10^15 major units (10^17 cents), far above any retail amount and
    /// far enough below `Int64.max` that sums of a few amounts cannot overflow.
    public static let limit: Int64 = 100_000_000_000_000_000

    /// Creates an amount from minor units.
    public init(cents: Int64) { self.cents = cents }

    /// Parses a decimal string such as `"48.48"`, `"-3"`, `"1,234.50"` or `"1.234,50"`; nil when it is not money
    /// or is out of range.
    public init?(_ text: String) {
        guard let cents = try? Money.parseCents(text) else { return nil }
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

    /// The sum, saturated at the bounds of `Int64` instead of trapping.
    public static func + (lhs: Money, rhs: Money) -> Money {
        let (sum, overflow) = lhs.cents.addingReportingOverflow(rhs.cents)
        return overflow ? Money(cents: rhs.cents < 0 ? .min : .max) : Money(cents: sum)
    }

    /// The difference, saturated at the bounds of `Int64` instead of trapping.
    public static func - (lhs: Money, rhs: Money) -> Money {
        let (difference, overflow) = lhs.cents.subtractingReportingOverflow(rhs.cents)
        return overflow ? Money(cents: rhs.cents < 0 ? .max : .min) : Money(cents: difference)
    }

    /// The product with a quantity, saturated at the bounds of `Int64` instead of trapping.
    public static func * (lhs: Money, rhs: Int) -> Money {
        let (product, overflow) = lhs.cents.multipliedReportingOverflow(by: Int64(rhs))
        guard overflow else { return Money(cents: product) }
        return Money(cents: (lhs.cents < 0) == (rhs < 0) ? .max : .min)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let json: JSONValue
        if let number = try? container.decode(Double.self) {
            json = .number(number)
        } else {
            json = .string(try container.decode(String.self))
        }
        do {
            self = try Money.parse(json)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
