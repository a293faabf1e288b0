import Foundation

/// The answer a generated exception was built to have (the demo generator's label), kept apart from the exception.
///
/// Labels never travel in an exception's payload: the demo writes them to their own table, which only
/// `eval generate`, `simulate-decisions` and tests read. Keys: `expected` (an invoice's or warranty claim's labelled
/// fields, as the eval contract names them), `order_id` (an unnumbered return's order, null for none), `reason`
/// (a numbered return's window verdict), `fixable` (an address hold).
public struct ExceptionLabel: Sendable, Hashable, Codable {
    /// The source the exception came from.
    public var source: String
    /// The source's event id.
    public var eventID: String
    /// The labels, by key.
    public var values: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case source, values
        case eventID = "event_id"
    }

    /// Creates a label.
    public init(source: String, eventID: String, values: [String: JSONValue]) {
        self.source = source
        self.eventID = eventID
        self.values = values
    }
}
