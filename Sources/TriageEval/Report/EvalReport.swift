import Foundation
import TriageCore

/// The full report of an eval run: every suite, with and without the model, down to each case.
///
/// Written with `--json` and read back as a baseline; keys are stable so baselines stay comparable.
public struct EvalReport: Sendable, Hashable, Codable {
    /// The report format's version.
    public var formatVersion = 1
    /// How model replies were obtained: `live`, `record`, `replay`, or `none` for `--no-llm`.
    public var llmMode: String
    /// The model requests were sent for (the configured name); the model that answered is on each run.
    public var requestedModel: String?
    /// The suites, in the order they ran.
    public var suites: [SuiteReport]

    /// Creates a report.
    public init(llmMode: String, requestedModel: String?, suites: [SuiteReport]) {
        self.llmMode = llmMode
        self.requestedModel = requestedModel
        self.suites = suites
    }

    /// Reads a report (a baseline) from JSON.
    public static func read(from url: URL) throws -> EvalReport {
        try JSONCoding.decoder().decode(EvalReport.self, from: Data(contentsOf: url))
    }

    /// The report as pretty, key-sorted JSON.
    public func jsonData() throws -> Data {
        let encoder = JSONCoding.encoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// One suite's runs: with the model and with the deterministic path alone.
public struct SuiteReport: Sendable, Hashable, Codable {
    /// The suite's name.
    public var name: String
    /// Its task.
    public var task: AITask
    /// The manifest's path as given.
    public var manifest: String
    /// The runs, model first when there is one.
    public var runs: [RunReport]

    /// Creates a suite report.
    public init(name: String, task: AITask, manifest: String, runs: [RunReport]) {
        self.name = name
        self.task = task
        self.manifest = manifest
        self.runs = runs
    }

    /// The run of one variant.
    public func run(_ variant: RunVariant) -> RunReport? { runs.first { $0.variant == variant } }
}

/// Which pipeline a run used.
public enum RunVariant: String, Sendable, Hashable, Codable, CaseIterable {
    /// The deterministic path plus the model.
    case model
    /// The deterministic path alone (`--no-llm`).
    case noLLM = "no_llm"
}

/// One run of a suite: metrics and per-case results.
public struct RunReport: Sendable, Hashable, Codable {
    /// With or without the model.
    public var variant: RunVariant
    /// The models that answered, as the endpoint named them (empty without the model).
    public var models: [String]
    /// The task's prompt version (SHA-256 of template and schema).
    public var promptVersion: String
    /// The contract's metrics.
    public var metrics: [Metric]
    /// The action confusion matrix (warranty and invoice).
    public var confusion: Confusion?
    /// Every case's outcome, in suite order.
    public var cases: [CaseResult]

    /// Creates a run report; metrics and the confusion matrix are computed from `cases`.
    public init(variant: RunVariant, task: AITask, promptVersion: String, cases: [CaseResult]) {
        self.variant = variant
        self.models = Array(Set(cases.compactMap(\.model))).sorted()
        self.promptVersion = promptVersion
        self.metrics = SuiteMetrics.compute(cases, task: task)
        self.confusion = task == .returnMatch ? nil : Confusion(cases.filter(\.answered), key: "action")
        self.cases = cases
    }

    /// The metric with this key.
    public func metric(_ key: String) -> Metric? { metrics.first { $0.key == key } }
}
