import Foundation
import TriageCore

extension ExceptionRecord {
    /// A payload (or record) field as trimmed, non-empty text.
    func text(_ name: String) -> String? {
        guard let text = field(name)?.text?.trimmingSpaces, !text.isEmpty else { return nil }
        return text
    }

    /// A payload amount as routing reads it: absent (or not a number, as before), an amount, or out of range.
    enum PayloadAmount {
        case absent
        case amount(Money)
        /// Present but unusable: why, naming the field.
        case unusable(String)
    }

    /// Reads a money field without trapping: NaN, infinity and amounts past ``Money/limit`` are named.
    func amount(_ name: String) -> PayloadAmount {
        guard let value = field(name), !value.isNull else { return .absent }
        do throws(MoneyError) {
            return .amount(try Money.parse(value))
        } catch .notMoney {
            return .absent
        } catch {
            let shown = value.text.map { " \"\($0.prefix(30))\"" } ?? ""
            return .unusable("\(name)\(shown) is \(error)")
        }
    }

    /// A payload field as a whole number (numeric strings count).
    func integer(_ name: String) -> Int? {
        guard let number = field(name)?.number, number.rounded() == number, abs(number) < 1e15 else { return nil }
        return Int(number)
    }

    /// The order number: the record's own, else the payload's `order_number`.
    var orderNumber: String? {
        if let number = exception.orderNumber?.trimmingSpaces, !number.isEmpty {
            return number
        }
        return exception.payload["order_number"]?.text
    }

    /// An outbox message for this exception with a deterministic idempotency key.
    func message(_ type: String, to target: String, action: String, payload: JSONValue) -> OutboxDraft {
        OutboxDraft(
            targetSystem: target, messageType: type, payload: payload,
            idempotencyKey: IdempotencyKey.make(action: action, record: self, target: target))
    }
}
