import Testing
import TriageCore

@testable import TriageWorker

@Suite struct WorkerReportTests {
    private func summary(done: Int, retried: Int, dead: Int) -> WorkerRunSummary {
        var summary = WorkerRunSummary()
        summary.done = done
        summary.retried = retried
        summary.dead = dead
        return summary
    }

    @Test func lineNamesTasksInOrderAndTheQueue() {
        var run = summary(done: 3, retried: 1, dead: 0)
        run.doneByTask = [.warranty: 1, .invoice: 2]
        run.storeErrors = ["disk full"]
        let line = WorkerReport.line(run, counts: [.queued: 4, .done: 3])
        #expect(line == "worker: 3 cards pre-filled (invoice 2, warranty 1), 1 retried, 0 dead; "
            + "queue now: 4 queued, 0 leased, 3 done, 0 dead\nworker: store error not recorded on its job: disk full")
    }

    @Test func anUnansweredEndpointIsExitThree() throws {
        let problem = try #require(WorkerReport.problem(summary(done: 0, retried: 2, dead: 0), endpoint: "m at http://x"))
        #expect(problem.code == 3)
        #expect(problem.message.hasPrefix("worker: the model endpoint (m at http://x) did not answer; 2 attempts failed"))
    }

    @Test func deadLettersAreExitOne() throws {
        let problem = try #require(WorkerReport.problem(summary(done: 1, retried: 0, dead: 2), endpoint: "m"))
        #expect(problem.code == 1)
        #expect(problem.message == "worker: 2 jobs ran out of attempts (dead letters); their cards wait for a person. "
            + "See the worker log for each error.")
    }

    /// Probe 23.10: every model call answering 500 left 11 of 16 jobs failed, and `worker --once` exited 0.
    @Test func aOnceRunThatLeavesFailedJobsQueuedIsExitOne() throws {
        let problem = try #require(WorkerReport.problem(summary(done: 5, retried: 11, dead: 0), endpoint: "m", once: true, waiting: 11))
        #expect(problem.code == 1)
        #expect(problem.message.contains("11 attempts failed"))
        #expect(WorkerReport.problem(summary(done: 5, retried: 11, dead: 0), endpoint: "m", once: false, waiting: 11) == nil)
        #expect(WorkerReport.problem(summary(done: 5, retried: 2, dead: 0), endpoint: "m", once: true, waiting: 0) == nil)
    }

    @Test func aRunThatDidItsWorkHasNoProblem() {
        #expect(WorkerReport.problem(summary(done: 2, retried: 1, dead: 0), endpoint: "m") == nil)
    }
}
