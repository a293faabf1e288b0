import ArgumentParser
import Foundation
import TriageCore
import TriageDemo
import TriageEval
import TriageEvalStore
import TriageLLM
import TriageStore
import TriageWorker

/// `triage eval`: the offline eval harness that gates every prompt and model change.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Measure the AI worker on labelled suites; compare with a baseline.",
        subcommands: [EvalRunCommand.self, EvalHarvestCommand.self, EvalGenerateCommand.self])
}

/// `triage eval run`: every suite through the production worker, with the model and with `--no-llm`.
struct EvalRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run suites through the worker and score them (exit 1 on a regression or errored cases, 2 on bad input).",
        usage: """
            triage eval run [--suite MANIFEST ...] [--no-llm | --replay | --record | --record-missing]
                            [--baseline REPORT [--allow-partial] [--tolerance P]] [--gate-calibration] [--json FILE]
                            [--sample N | --limit N] [--tags a,b] [--cache-db FILE] [--concurrency N]
            """)

    @Option(name: .customLong("suite"), help: "A suite manifest (repeatable; default: every manifest in eval/suites/).")
    var suites: [String] = []

    @Option(help: "Write the full report, with per-case results, to this JSON file.")
    var json: String?

    @Option(help: "Compare with this stored report; exit 1 on a regression.")
    var baseline: String?

    @Option(help: "Points a share may drop (and right → wrong flips may reach, in points of a run's cases) before it counts as a regression.")
    var tolerance: Double = 1.0

    @Flag(help: "Compare with a baseline that holds more than this run (--limit, --tags, fewer suites): list what is missing instead of failing.")
    var allowPartial = false

    @Flag(help: "Exit 1 when a suite's high-confidence accuracy is below --min-high-accuracy.")
    var gateCalibration = false

    @Option(help: "The calibration target for --gate-calibration, percent.")
    var minHighAccuracy = CalibrationGate.defaultMinimum

    @Flag(help: "Answer only from the response cache; a miss is an error naming the case.")
    var replay = false

    @Flag(help: "Call the endpoint and store every response in the cache.")
    var record = false

    @Flag(help: "Like --record, but answer from the cache where it already has the request (resumes a recording).")
    var recordMissing = false

    @Flag(name: .customLong("no-llm"), help: "Deterministic path only: no model calls.")
    var noLLM = false

    @Option(help: "The response cache (SQLite) for --replay and --record.")
    var cacheDB = "eval/recorded/gemma-3-270m.db"

    @Option(help: "At most this many cases per suite.")
    var limit: Int?

    @Option(help: "A fixed sample of this many cases per suite, chosen by a hash of the case id (stable across runs).")
    var sample: Int?

    @Option(help: "Only cases carrying every one of these comma-separated tags.")
    var tags: String?

    @Option(help: "Cases in flight at once (and LLM calls).")
    var concurrency = 2

    @Option(help: "Prompts folder (default: $TRIAGE_PROMPTS, ./prompts if present, else the built-in prompts).")
    var prompts: String?

    @Flag(help: "Go ahead with a run that may call the model more than \(Self.callsWithoutYes) times.")
    var yes = false

    @Option(help: "Seconds before an LLM call times out.")
    var llmTimeout: Double = 120

    @Option(help: "Attempts per LLM call (connection errors, time-outs, 429, 5xx).")
    var llmAttempts = 2

    func validate() throws {
        guard [replay, record, recordMissing, noLLM].filter({ $0 }).count <= 1 else {
            throw ValidationError("--replay, --record, --record-missing and --no-llm exclude each other")
        }
        guard (1...16).contains(concurrency) else { throw ValidationError("--concurrency must be 1…16") }
        guard tolerance >= 0 else { throw ValidationError("--tolerance must not be negative") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1") }
        guard (0...100).contains(minHighAccuracy) else { throw ValidationError("--min-high-accuracy must be 0…100") }
    }

    func run() async throws {
        let loaded = try badInput { try manifestURLs().map { url throws(SuiteError) in try SuiteLoader.load(manifest: url) } }
        let library = try badInput { try PromptOptions.load(PromptOptions.origin(flag: prompts)) }
        let chat = try makeChat()
        try confirmModelCalls(loaded, calling: chat != nil && mode != .replay)
        let progress = EvalProgress()
        let runner = EvalRunner(
            makeWorld: StoreSuiteWorld.make, prompts: library, concurrency: concurrency, progress: progress.report)
        let session = EvalSession(
            runner: runner, chat: chat, tags: tags.map(Self.splitTags) ?? [], limit: limit, sample: sample,
            llmMode: mode.rawValue)
        let report = try await badInputAsync { try await session.run(loaded) }
        progress.clear()
        print(ReportTable.render(report), terminator: "")
        if let json {
            try report.jsonData().write(to: URL(fileURLWithPath: json), options: .atomic)
            print("report written to \(json)")
        }
        if try !gatesPass(report) { throw ExitCode(1) }
    }

    var mode: CacheMode { replay ? .replay : record ? .record : recordMissing ? .readThrough : .live }

    private func manifestURLs() throws -> [URL] {
        guard suites.isEmpty else { return suites.map { URL(fileURLWithPath: $0) } }
        let folder = URL(fileURLWithPath: "eval/suites")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw CLIError.badInput(
                "no suites here: \(FileManager.default.currentDirectoryPath) has no eval/suites folder. Pass a suite "
                    + "manifest with --suite PATH/suite.json (repeatable), or run from the folder that holds eval/")
        }
        return try SuiteLoader.manifests(in: folder)
    }

    /// The most cases a run may send to the model without `--yes`.
    static let callsWithoutYes = 50

    /// A run that may call the model on more than ``callsWithoutYes`` cases says how many and wants `--yes`: each
    /// call takes seconds to minutes on a local model.
    private func confirmModelCalls(_ loaded: [Suite], calling: Bool) throws {
        guard calling, !yes else { return }
        let cases = loaded.map { $0.selecting(tags: tags.map(Self.splitTags) ?? [], limit: limit, sample: sample).count }
            .reduce(0, +)
        guard cases > Self.callsWithoutYes else { return }
        throw CLIError.badInput(
            "this run may call the model up to \(cases) times (one per case the checks leave open, over "
                + "\(loaded.count) suite(s)); pass --yes to go ahead, or narrow it with --limit N, --sample N or --tags, "
                + "or use --replay (recorded answers) or --no-llm")
    }

    /// The model client: nil for --no-llm; the endpoint, through the response cache for --replay and --record.
    private func makeChat() throws -> (any ChatClient)? {
        guard !noLLM else { return nil }
        let configuration = try LLMConfiguration(
            environment: ProcessInfo.processInfo.environment, timeoutSeconds: llmTimeout, maxAttempts: llmAttempts,
            concurrencyLimit: concurrency)
        let client = OpenAIChatClient(configuration: configuration)
        guard mode != .live else { return client }
        if mode == .replay, !FileManager.default.fileExists(atPath: cacheDB) {
            throw exitBadInput(CLIError("no recorded responses at \(cacheDB): run with --record first, or pass --cache-db"))
        }
        // A replay only reads: open the recordings read-only so the committed file's bytes never change.
        let cache = try badInput {
            mode == .replay
                ? try AppDatabase.openReadOnly(path: cacheDB, requiring: "llm_cache") : try AppDatabase.open(path: cacheDB)
        }
        return CachingChatClient(inner: client, cache: cache, mode: mode)
    }

    static func splitTags(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Prints a bad-input error (a malformed suite names file, line and field) and exits with code 2.
func badInput<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw exitBadInput(error)
    }
}

/// ``badInput(_:)`` for async work.
func badInputAsync<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw exitBadInput(error)
    }
}

private func exitBadInput(_ error: any Error) -> any Error {
    if error is ExitCode { return error }
    EvalProgress().clear()
    FileHandle.standardError.write(Data("eval: \(error)\n".utf8))
    return ExitCode(2)
}

/// `triage eval generate` (hidden): the seeded generator of the committed suites.
///
/// It writes the demo generator's reference data as fixtures and its labelled unstructured exceptions as cases,
/// then appends the hand-written fixtures and hard cases from `<out>/hand/`. The same seed gives the same bytes.
struct EvalGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Regenerate eval/fixtures and eval/cases from the seeded generator.",
        shouldDisplay: false)

    @Option(help: "The eval folder (holds hand/, receives fixtures/ and cases/).")
    var out = "eval"

    @Option(help: "Generator seed.")
    var seed: UInt64 = 20_261_120

    @Option(help: "Generated cases per task.")
    var perTask = 160

    func run() async throws {
        let generator = SuiteGenerator(root: URL(fileURLWithPath: out), seed: seed, perTask: perTask)
        for (file, count) in try generator.generate() {
            print("\(file): \(count) generated cases + hand-written from \(out)/hand/cases/\(file).jsonl")
        }
    }
}
