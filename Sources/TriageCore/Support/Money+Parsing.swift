import Foundation

/// Why a value is not an amount of money.
public enum MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not a number or a decimal string.
    case notMoney
    /// A number whose magnitude is ``Money/limit`` cents or more.
    case outOfRange
    /// NaN or infinite.
    case notFinite

    public var description: String {
        switch self {
        case .notMoney: "not a money amount"
        case .outOfRange: "out of range (at most 10^15 in major units)"
        case .notFinite: "not a finite number"
        }
    }
}

extension Money {
    /// Parses a JSON number or decimal string, naming what is wrong when it is not a usable amount.
    public static func parse(_ json: JSONValue) throws(MoneyError) -> Money {
        switch json {
        case .number(let value): return try Money(major: value)
        case .string(let text): return Money(cents: try parseCents(text))
        default: throw .notMoney
        }
    }

    /// Parses a `JSONValue` holding a decimal string or number; nil when it is absent, not money or out of range.
    public init?(json: JSONValue?) {
        guard let json, let money = try? Money.parse(json) else { return nil }
        self = money
    }

    /// An amount of major units given as a floating-point number, rounded to the cent.
    public init(major value: Double) throws(MoneyError) {
        guard value.isFinite else { throw .notFinite }
        let cents = (value * 100).rounded()
        guard cents.magnitude < Double(Money.limit) else { throw .outOfRange }
        self.init(cents: Int64(cents))
    }

    /// Characters that only group digits: spaces (plain, no-break, narrow, thin) and apostrophes ("1'234.50").
    private static let groupSeparators: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "’"]

    /// Cents from a decimal string; exponent forms and NaN/infinity are named, not guessed at.
    static func parseCents(_ raw: String) throws(MoneyError) -> Int64 {
        if let plain = plainDecimal(raw) { return try cents(whole: plain.whole, fraction: plain.fraction) }
        var text = raw.trimmingCharacters(in: .whitespaces).filter { !groupSeparators.contains($0) }
        var negative = false
        if text.hasPrefix("-") || text.hasPrefix("(") && text.hasSuffix(")") {
            negative = true
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: "-()"))
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else {
            if let number = Double(raw.trimmingCharacters(in: .whitespaces)) { _ = try Money(major: number) }
            throw .notMoney
        }
        let (whole, fraction) = split(text)
        guard fraction.count <= 4, fraction.allSatisfy(\.isNumber) else { throw .notMoney }
        let cents = try cents(whole: whole, fraction: fraction)
        return negative ? -cents : cents
    }

    /// Whole units and fraction digits of the most common amount, "1234.5" (ASCII digits and at most one point with at
    /// most four digits after it), read on its bytes; nil for anything else, which the full reading handles.
    private static func plainDecimal(_ raw: String) -> (whole: String, fraction: String)? {
        var point: Int?
        var count = 0
        for byte in raw.utf8 {
            if byte == UInt8(ascii: ".") {
                guard point == nil else { return nil }
                point = count
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                return nil
            }
            count += 1
        }
        guard count > 0 else { return nil }
        guard let point else { return (raw, "") }
        guard count - point - 1 <= 4 else { return nil }
        let bytes = Array(raw.utf8)
        return (String(decoding: bytes[..<point], as: UTF8.self), String(decoding: bytes[(point + 1)...], as: UTF8.self))
    }

    /// Whole units and fraction digits, at the decimal separator if there is one.
    private static func split(_ text: String) -> (whole: String, fraction: String) {
        guard let separator = decimalSeparatorIndex(text) else { return (text.filter(\.isNumber), "") }
        let whole = String(text[..<separator]).filter(\.isNumber)
        return (whole, String(text[text.index(after: separator)...]))
    }

    /// Whole units and up to four fraction digits as cents, rounded half up; out of range past ``limit``.
    private static func cents(whole: String, fraction: String) throws(MoneyError) -> Int64 {
        let digits = whole.drop { $0 == "0" }
        guard digits.count <= 18, let units = Int64(digits.isEmpty ? "0" : String(digits)) else { throw .outOfRange }
        guard let minor4 = Int64((fraction + "0000").prefix(4)) else { throw .notMoney }
        let (scaled, overflow) = units.multipliedReportingOverflow(by: 100)
        guard !overflow, scaled < limit else { throw .outOfRange }
        let cents = scaled + (minor4 + 50) / 100
        guard cents < limit else { throw .outOfRange }
        return cents
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
