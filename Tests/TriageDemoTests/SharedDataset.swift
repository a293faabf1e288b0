import Foundation
import TriageCore
import TriageDemo

/// The default dataset, generated once for every suite that only reads it.
enum Shared {
    static let dataset = DemoDataset.generate()

    static func exceptions(_ kind: ExceptionKind) -> [NewException] {
        dataset.exceptions.filter { $0.kind == kind }
    }

    /// The generator's labels of every exception, by source and event id (kept apart from the payloads).
    static let labels = Dictionary(
        dataset.labels.map { ("\($0.source)/\($0.eventID)", $0.values) }, uniquingKeysWith: { first, _ in first })

    /// The labels of one exception; empty when it has none.
    static func labels(_ exception: NewException) -> [String: JSONValue] {
        labels["\(exception.source)/\(exception.eventID)"] ?? [:]
    }

    /// An invoice's or warranty claim's labelled fields.
    static func truth(_ exception: NewException) -> [String: JSONValue]? {
        labels(exception)["expected"]?.object
    }
}
