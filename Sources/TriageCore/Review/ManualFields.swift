import Foundation

/// A reviewer's parameters for a state-changing action, read strictly: every refusal names its field.
struct ManualFields {
    /// The largest amount a reviewer may type for one refund; the order's paid total bounds it further.
    static let maxAmount = Money(cents: 100_000_000)

    let parameters: [String: JSONValue]
    let record: ExceptionRecord

    /// `order_number`, else the exception's.
    func orderNumber() throws(ReviewError) -> String {
        let number = parameters["order_number"]?.text ?? record.exception.orderNumber
            ?? record.exception.payload["order_number"]?.text
        guard let number = number?.trimmingCharacters(in: .whitespaces), !number.isEmpty, number.count <= 64 else {
            throw Self.invalid("order_number", "is required (the order to act on)")
        }
        return number
    }

    /// `amount`: a positive decimal with at most two places, within `maxAmount`.
    func amount(_ key: String = "amount") throws(ReviewError) -> Money {
        let text: String? =
            switch parameters[key] {
            case .string(let text)?: text.trimmingCharacters(in: .whitespaces)
            case .number(let number)?: String(format: "%.2f", number)
            default: nil
            }
        guard let text, Self.isDecimal(text), let money = Money(text), money > .zero, money <= Self.maxAmount else {
            throw Self.invalid(key, "must be a positive decimal amount like 19.99, at most \(Self.maxAmount)")
        }
        return money
    }

    /// `items`: `[{sku, qty}]` with whole quantities ≥ 1, summed per SKU; nil when absent.
    func items() throws(ReviewError) -> [String: Int]? {
        guard let value = parameters["items"], value != .null else { return nil }
        guard let items = value.array, !items.isEmpty, items.count <= 100 else {
            throw Self.invalid("items", "must be a non-empty list of {sku, qty}")
        }
        var quantities: [String: Int] = [:]
        for item in items {
            guard let sku = item["sku"]?.text, !sku.isEmpty, sku.count <= 64 else { throw Self.invalid("items", "every item needs a sku") }
            let qty = item["qty"]?.number ?? 1
            guard qty >= 1, qty < 10_000, qty.rounded() == qty else { throw Self.invalid("items", "qty of \(sku) must be a whole number ≥ 1") }
            quantities[sku, default: 0] += Int(qty)
        }
        return quantities
    }

    /// `postcode`, valid (or fixable) for `country`; returns the normalised form.
    func postcode() throws(ReviewError) -> String {
        let raw = try text("postcode")
        let country = parameters["country"]?.text ?? record.exception.payload["country"]?.text
        guard let country, !country.isEmpty else { throw Self.invalid("country", "is required to check the postcode") }
        guard let postcode = Postcode.normalise(raw, country: country).normalised else {
            throw Self.invalid("postcode", "\"\(raw.prefix(20))\" is not a valid postcode for \(country.prefix(3))")
        }
        return postcode
    }

    /// A required short text parameter, else the exception's field of the same name.
    func text(_ name: String) throws(ReviewError) -> String {
        let text = parameters[name]?.text ?? record.exception.payload[name]?.text
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty, text.count <= 64 else {
            throw Self.invalid(name, "is required")
        }
        return text
    }

    /// A required whole count from 0 to 10,000,000.
    func count(_ name: String) throws(ReviewError) -> Int {
        guard let number = parameters[name]?.number, number >= 0, number <= 10_000_000, number.rounded() == number else {
            throw Self.invalid(name, "must be a whole number from 0 to 10000000")
        }
        return Int(number)
    }

    static func invalid(_ field: String, _ message: String) -> ReviewError {
        .invalid("parameters.\(field) \(message)")
    }

    /// Digits, optionally a point and one or two more digits: no sign, exponent or spaces.
    static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, (1...9).contains(whole.count) else { return false }
        guard whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber) else { return false }
        guard parts.count == 2 else { return true }
        return (1...2).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }
}
