import Foundation
import TriageCore

/// The full report of an eval run: every suite, with and without the model, down to each case.
///
/// Written with `--json` and read back as a baseline; keys are stable so baselines stay comparable.
public struct EvalReport: Sendable, Hashable, Codable {
    /// The report format's version: 2 adds tag groups, calibration and errors counted as wrong.
    public var formatVersion = 2
    /// `--sample N` when the run used a fixed sample of each suite; nil for every case.
    public var sample: Int?
    /// How model replies were obtained: `live`, `record`, `replay`, or `none` for `--no-llm`.
    public var llmMode: String
    /// The model requests were sent for (the configured name); the model that answered is on each run.
    public var requestedModel: String?
    /// The suites, in the order they ran.
    public var suites: [SuiteReport]

    /// Creates a report.
    public init(llmMode: String, requestedModel: String?, suites: [SuiteReport], sample: Int? = nil) {
        self.llmMode = llmMode
        self.requestedModel = requestedModel
        self.suites = suites
        self.sample = sample
    }

    /// The suite with this name.
    public func suite(_ name: String) -> SuiteReport? { suites.first { $0.name == name } }

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
    /// The contract's metrics, with the calibration figures.
    public var metrics: [Metric]
    /// The same quality metrics per tag group, by group name (see ``GroupReport``).
    public var groups: [GroupReport]
    /// The action confusion matrix (warranty and invoice).
    public var confusion: Confusion?
    /// Every case's outcome, in suite order.
    public var cases: [CaseResult]

    /// Creates a run report; metrics and the confusion matrix are computed from `cases`.
    public init(variant: RunVariant, task: AITask, suite: String, promptVersion: String, cases: [CaseResult]) {
        self.variant = variant
        self.models = Array(Set(cases.compactMap(\.model))).sorted()
        self.promptVersion = promptVersion
        self.metrics = SuiteMetrics.compute(cases, task: task)
        self.groups = GroupReport.groups(cases, task: task, suite: suite)
        self.confusion = task == .returnMatch ? nil : Confusion(cases.filter(\.answered), key: "action")
        self.cases = cases
    }

    /// The metric with this key.
    public func metric(_ key: String) -> Metric? { metrics.first { $0.key == key } }

    /// The group with this name.
    public func group(_ name: String) -> GroupReport? { groups.first { $0.name == name } }
}

extension RunReport {
    /// Reads a run; a baseline written before tag groups existed reads with none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        variant = try container.decode(RunVariant.self, forKey: .variant)
        models = try container.decode([String].self, forKey: .models)
        promptVersion = try container.decode(String.self, forKey: .promptVersion)
        metrics = try container.decode([Metric].self, forKey: .metrics)
        groups = try container.decodeIfPresent([GroupReport].self, forKey: .groups) ?? []
        confusion = try container.decodeIfPresent(Confusion.self, forKey: .confusion)
        cases = try container.decode([CaseResult].self, forKey: .cases)
    }
}
