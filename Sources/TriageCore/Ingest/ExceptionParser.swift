import Foundation

/// Turns one input record (a JSON object or a CSV row) into a validated `NewException`.
///
/// Top-level keys the exception log knows are read into their fields; every other key is kept in the
/// payload, so richer source data loads unchanged.
public enum ExceptionParser {
    /// The keys read into `NewException`'s own fields.
    public static let knownKeys: Set<String> = [
        "source", "event_id", "kind", "reason", "occurred_at", "order_number", "handling_minutes", "text", "payload",
    ]

    /// Validates a JSON object. Throws `FieldError` naming the first bad field.
    public static func parse(object: [String: JSONValue]) throws(FieldError) -> NewException {
        let source = try identifier(object, "source")
        let eventID = try identifier(object, "event_id")
        let kindText = try requiredText(object, "kind")
        guard let kind = ExceptionKind(rawValue: kindText) else {
            let known = ExceptionKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw FieldError(field: "kind", message: "unknown kind \"\(kindText.prefix(40))\" (expected \(known))")
        }
        let occurredText = try requiredText(object, "occurred_at")
        guard let occurredAt = ISODate.parse(occurredText) else {
            throw FieldError(
                field: "occurred_at", message: "not an ISO 8601 date (or no such day): \"\(occurredText.prefix(40))\"")
        }
        let payload = try payload(object)
        try checkAmounts(payload, topLevel: object)
        return NewException(
            source: source, eventID: eventID, kind: kind, reason: try optionalText(object, "reason"),
            occurredAt: occurredAt, orderNumber: try orderNumber(object),
            handlingMinutes: try handlingMinutes(object), text: try optionalText(object, "text"),
            payload: payload)
    }

    /// The payload fields routing reads as money.
    public static let amountKeys = ["amount", "refund_amount", "total"]

    /// Rejects an amount no system could have meant: NaN, infinite, or beyond ``Money/limit``. Text that is not
    /// a number at all is left for routing to judge, as before.
    private static func checkAmounts(_ payload: [String: JSONValue], topLevel: [String: JSONValue])
        throws(FieldError)
    {
        for key in amountKeys {
            guard let value = payload[key] else { continue }
            do throws(MoneyError) {
                _ = try Money.parse(value)
            } catch .notMoney {
                continue
            } catch {
                let field = topLevel[key] == nil ? "payload.\(key)" : key
                throw FieldError(field: field, message: error.description)
            }
        }
    }

    /// Validates a CSV row given as header → cell. Empty cells are absent values.
    public static func parse(row: [String: String]) throws(FieldError) -> NewException {
        var object: [String: JSONValue] = [:]
        for (key, cell) in row where !cell.isEmpty {
            object[key] = key == "payload" ? try payloadJSON(cell) : .string(cell)
        }
        return try parse(object: object)
    }

    private static func requiredText(_ object: [String: JSONValue], _ key: String) throws(FieldError) -> String {
        guard let value = object[key], !value.isNull else { throw FieldError(field: key, message: "missing") }
        guard let text = value.text.map(\.trimmingSpaces), !text.isEmpty else {
            throw FieldError(field: key, message: "must be a non-empty string")
        }
        return text
    }

    /// A required id: printable text, no control or direction characters (a NUL would cut it downstream).
    private static func identifier(_ object: [String: JSONValue], _ key: String) throws(FieldError) -> String {
        let text = try requiredText(object, key)
        if let problem = IdentifierText.problem(text) { throw FieldError(field: key, message: problem) }
        return text
    }

    /// The order number in one form (NFKC, direction marks removed), so it finds the order it names.
    private static func orderNumber(_ object: [String: JSONValue]) throws(FieldError) -> String? {
        guard let raw = try optionalText(object, "order_number") else { return nil }
        let number = IdentifierText.normalised(raw)
        if let problem = IdentifierText.problem(number) { throw FieldError(field: "order_number", message: problem) }
        return number.isEmpty ? nil : number
    }

    private static func optionalText(_ object: [String: JSONValue], _ key: String) throws(FieldError) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let text = value.text else { throw FieldError(field: key, message: "must be a string") }
        return text.isEmpty ? nil : text
    }

    private static func handlingMinutes(_ object: [String: JSONValue]) throws(FieldError) -> Double? {
        guard let value = object["handling_minutes"], !value.isNull else { return nil }
        guard let minutes = value.number, minutes >= 0, minutes < 10_000 else {
            throw FieldError(field: "handling_minutes", message: "must be a number of minutes between 0 and 10000")
        }
        return minutes
    }

    private static func payload(_ object: [String: JSONValue]) throws(FieldError) -> [String: JSONValue] {
        var payload: [String: JSONValue] = [:]
        if let nested = object["payload"], !nested.isNull {
            guard let members = nested.object else { throw FieldError(field: "payload", message: "must be an object") }
            payload = members
        }
        for (key, value) in object where !knownKeys.contains(key) {
            payload[key] = value
        }
        return payload
    }

    private static func payloadJSON(_ cell: String) throws(FieldError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(cell.utf8))
        } catch {
            throw FieldError(field: "payload", message: "must be a JSON object")
        }
    }
}
