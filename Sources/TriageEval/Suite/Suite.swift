import Foundation
import TriageCore

/// A labelled eval suite: a manifest in the contract format, its cases, and the fixture files to load.
///
/// Paths in the manifest are relative to the manifest's folder; ``SuiteLoader`` resolves them.
public struct Suite: Sendable, Hashable {
    /// The suite's name, as reports and baselines key it.
    public var name: String
    /// The AI task its cases exercise.
    public var task: AITask
    /// The manifest file.
    public var manifest: URL
    /// The cases file, resolved.
    public var casesFile: URL
    /// Fixture files by the contract's key (`orders`, `products`, `purchase_orders`, `suppliers`, `invoices`).
    public var fixtures: [FixtureKind: URL]
    /// The cases, in file order.
    public var cases: [EvalCase]

    /// Creates a suite.
    public init(
        name: String, task: AITask, manifest: URL, casesFile: URL, fixtures: [FixtureKind: URL], cases: [EvalCase]
    ) {
        self.name = name
        self.task = task
        self.manifest = manifest
        self.casesFile = casesFile
        self.fixtures = fixtures
        self.cases = cases
    }

    /// The cases that carry every one of `tags` (all when empty), then the fixed sample of `sample` of them
    /// (see ``CaseSample``), then at most `limit` of them; always in file order.
    public func selecting(tags: [String], limit: Int?, sample: Int? = nil) -> [EvalCase] {
        let tagged = cases.filter { entry in tags.allSatisfy(entry.tags.contains) }
        let sampled = sample.map { CaseSample.pick($0, from: tagged) } ?? tagged
        return limit.map { Array(sampled.prefix($0)) } ?? sampled
    }
}

/// The fixture files a manifest may name; each is optional.
public enum FixtureKind: String, Sendable, Hashable, CaseIterable, Codable {
    case orders, products, suppliers, invoices
    case purchaseOrders = "purchase_orders"

    /// The logical file name the store's loader knows this kind by.
    public var fileName: String { rawValue + ".jsonl" }

    /// Load order: products and suppliers before the orders and purchase orders that refer to them.
    public static let loadOrder: [FixtureKind] = [.products, .suppliers, .orders, .purchaseOrders, .invoices]
}

/// One labelled case: `{"id", "task", "input", "expected", "tags"?}`.
public struct EvalCase: Sendable, Hashable, Codable {
    /// Unique within the suite.
    public var id: String
    /// The case's task; equals the suite's.
    public var task: AITask
    /// The exception as a source would send it.
    public var input: [String: JSONValue]
    /// The labels; only keys present are scored.
    public var expected: [String: JSONValue]
    /// Free tags (`injection`, `no_match`, …) for `--tags` and per-tag breakdowns.
    public var tags: [String]
    /// Where a harvested case came from (card id, reviewer, decided at); not read by `eval run`.
    public var provenance: [String: JSONValue] = [:]

    /// Creates a case.
    public init(
        id: String, task: AITask, input: [String: JSONValue], expected: [String: JSONValue], tags: [String] = []
    ) {
        self.id = id
        self.task = task
        self.input = input
        self.expected = expected
        self.tags = tags
    }

    /// The case as one canonical JSON line (sorted keys), as suites store it.
    public var jsonLine: String {
        var object: [String: JSONValue] = [
            "id": .string(id), "task": .string(task.rawValue), "input": .object(input), "expected": .object(expected),
        ]
        if !tags.isEmpty { object["tags"] = .array(tags.map(JSONValue.string)) }
        if !provenance.isEmpty { object["provenance"] = .object(provenance) }
        return CanonicalJSON.string(.object(object))
    }
}
