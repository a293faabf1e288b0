import Foundation
import TriageCore

/// The worker's progress line and closing summary, as the command line prints them.
public enum WorkerReport {
    /// True when standard output is a terminal (progress lines only there).
    public static let isTerminal = isatty(STDOUT_FILENO) != 0

    /// Jobs between two summary lines in a log.
    static let summaryEvery = 50

    /// On a terminal, rewrites the progress line; elsewhere (a log file, a pipe, journald) prints a line per finished
    /// job and a running summary every `summaryEvery` jobs, each line as it happens.
    @Sendable public static func progress(_ summary: WorkerRunSummary) {
        let counts = "worker: \(summary.done) done, \(summary.retried) retried, \(summary.dead) dead"
        guard !isTerminal else {
            FileHandle.standardOutput.write(Data(("\r" + counts).utf8))
            return
        }
        var lines = summary.lastJob.map { [$0.line] } ?? []
        let finished = summary.done + summary.retried + summary.dead + summary.lost
        if finished > 0, finished % summaryEvery == 0 { lines.append(counts) }
        guard !lines.isEmpty else { return }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// What a cron job must act on, with its exit code: 3 when the model endpoint did not answer (jobs were retried
    /// and nothing was done), 1 when jobs ran out of attempts, or when a `--once` run leaves failed jobs queued for
    /// a retry (`waiting`: jobs still queued after the run); nil when the run did its work.
    public static func problem(
        _ summary: WorkerRunSummary, endpoint: String, once: Bool = false, waiting: Int = 0
    ) -> (code: Int32, message: String)? {
        if summary.retried > 0, summary.done == 0 {
            return (3, "worker: the model endpoint (\(endpoint)) did not answer; \(summary.retried) attempts failed and "
                + "their jobs stay queued. Start it (`\(LocalLLMHint.startCommand)`), point TRIAGE_LLM_BASE_URL at a running "
                + "one, or run with --no-llm.")
        }
        if summary.dead > 0 {
            return (1, "worker: \(summary.dead) jobs ran out of attempts (dead letters); their cards wait for a "
                + "person. See the worker log for each error.")
        }
        if once, summary.retried > 0, waiting > 0 {
            return (1, "worker: \(summary.retried) attempts failed in this run and \(waiting) jobs stay queued for a "
                + "retry; see the worker log for each error (a model endpoint that does not answer, \(endpoint), is "
                + "started with `\(LocalLLMHint.startCommand)`), then run the worker again.")
        }
        return nil
    }

    /// The closing line: cards pre-filled per task, retries, dead letters, the queue's state and any store errors.
    public static func line(_ summary: WorkerRunSummary, counts: [AIJobState: Int]) -> String {
        let byTask = summary.doneByTask.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        return "worker: \(summary.done) cards pre-filled (\(byTask.joined(separator: ", "))), \(summary.retried) retried, "
            + "\(summary.dead) dead; queue now: \(counts[.queued] ?? 0) queued, \(counts[.leased] ?? 0) leased, "
            + "\(counts[.done] ?? 0) done, \(counts[.dead] ?? 0) dead"
            + summary.storeErrors.map { "\nworker: store error not recorded on its job: \($0)" }.joined()
            + (summary.storeRetries > 0
                ? "\nworker: the store did not answer \(summary.storeRetries) times; each call was tried again" : "")
            + (summary.missedHeartbeats > 0
                ? "\nworker: \(summary.missedHeartbeats) heartbeats could not extend their leases" : "")
    }
}
