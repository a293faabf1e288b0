import Foundation
import TriageCore

/// What a shop's event means for operations: an exception to store and route, or an event a clerk would not act
/// on (acknowledged with the reason, stored as nothing).
enum ShopEventOutcome: Sendable, Equatable {
    /// An exception: stored, routed, and shown on a card.
    case exception(NewException)
    /// Not an exception: why nobody needs to act.
    case notAnException(String)
}

/// An event whose topic or type this server does not map; answered 422 with the name and the supported list.
struct UnsupportedEvent: Error, Sendable, Equatable {
    /// What the provider calls the thing (`topic`, `event type`).
    var noun: String
    /// The value received.
    var name: String
    /// The values this server maps.
    var supported: [String]

    /// The client-facing message, naming the value received and the supported ones.
    var message: String {
        "\(noun) \"\(name.prefix(80))\" is not supported here; supported: \(supported.joined(separator: ", "))"
    }
}

/// The acknowledgement of an event that is not an exception: nothing stored, and why.
struct NotAnExceptionReceipt: Encodable {
    var stored = 0
    var duplicates = 0
    /// Why the event needs nobody.
    var notAnException: String

    enum CodingKeys: String, CodingKey {
        case stored, duplicates
        case notAnException = "not_an_exception"
    }
}

/// Decodes the typed part of a provider's payload with `JSONDecoder`, so 18-digit ids stay exact; a missing or
/// mistyped field is a `FieldError` naming it as the provider spells it (`refund_line_items[0].quantity`).
enum ShopPayloadDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws(FieldError) -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: body)
        } catch let error as DecodingError {
            var failure = FieldError(error)
            failure.field = failure.field.map(snakeCase)
            throw failure
        } catch {
            throw FieldError(field: nil, message: "could not be decoded")
        }
    }

    /// `refundLineItems[0].subtotalSet` as `refund_line_items[0].subtotal_set`.
    static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { text, letter in
            text += letter.isUppercase ? "_" + letter.lowercased() : String(letter)
        }
    }
}
