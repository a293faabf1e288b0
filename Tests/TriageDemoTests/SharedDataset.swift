import Foundation
import TriageCore
import TriageDemo

/// The default dataset, generated once for every suite that only reads it.
enum Shared {
    static let dataset = DemoDataset.generate()

    static func exceptions(_ kind: ExceptionKind) -> [NewException] {
        dataset.exceptions.filter { $0.kind == kind }
    }

    static func truth(_ exception: NewException) -> [String: JSONValue]? {
        exception.payload["_truth"]?.object
    }
}
