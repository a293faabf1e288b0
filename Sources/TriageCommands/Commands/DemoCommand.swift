import ArgumentParser
import Foundation
import TriageCore
import TriageDemoRun

/// `triage demo`: a seeded retail dataset, loaded and routed into a fresh database, then reported.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate the demo dataset, load it into a fresh SQLite file, route everything, and report.")

    @Option(help: "Folder for the database, the generated data and the outbox sink.")
    var out = "demo"

    @Option(help: "Seed for the generator; the same seed gives the same dataset.")
    var seed: UInt64 = 42

    @Option(help: "Unstructured jobs per AI task drained through the LLM during the demo (0 to skip).")
    var llmSample = 6

    @Flag(help: "Replace an earlier demo database in the folder, with its users and decisions.")
    var force = false

    @OptionGroup var rules: RulesOptions
    @OptionGroup var llm: LLMOptions

    func run() async throws {
        let folder = URL(fileURLWithPath: out)
        let paths = DemoPaths(folder: folder)
        if !force && FileManager.default.fileExists(atPath: paths.database.path) {
            throw CLIError.badInput(
                "\(paths.database.path) already holds a demo database (its users and decisions would be lost); "
                    + "pass --force to replace it, or --out another folder")
        }
        try paths.removePreviousRun()
        let table = try rules.load()
        let started = Date()
        let database = try await DemoRun(paths: paths, seed: seed, table: table, rulesOrigin: rules.origin).run()
        var dead = 0
        if llmSample > 0 {
            if !llm.noLLM { try await LLMProbe.requireReachable() }
            let engine = try llm.engine(reference: database, cache: database, concurrency: 2)
            dead = try await DemoWorkerStage(
                database: database, engine: engine.maker, modelDescription: engine.modelDescription, noLLM: llm.noLLM,
                perTask: llmSample, dbPath: paths.database.path
            ).run()
        } else {
            let queued = try await database.jobCounts()[.queued] ?? 0
            print("\nAI worker: not run (--llm-sample 0); \(queued) unstructured exceptions queued. Drain them with:")
            print("  " + DemoWorkerStage.drainCommand(dbPath: paths.database.path, noLLM: llm.noLLM))
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print("\ndatabase: \(paths.database.path) (\(seconds) s). Next: triage report --db \(paths.database.path)")
        if dead > 0 { throw ExitCode(ExitStatus.needsAttention.rawValue) }
    }
}
