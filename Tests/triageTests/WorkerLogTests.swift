import Foundation
import Testing

/// Issue 27: `triage worker > log` shows each job as it finishes, not at exit; under systemd, journald shows a
/// running worker's progress.
@Suite(.timeLimit(.minutes(5)))
struct WorkerLogTests {
    @Test("a worker writing to a pipe shows a line per job while it runs")
    func aLinePerJobAsItHappens() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("demo")
        let made = try await TriageProcess.run(["demo", "--out", demo.path, "--no-llm", "--llm-sample", "0"])
        #expect(made.status == 0, "\(made.stderr)")
        let database = demo.appendingPathComponent("triage.sqlite").path
        // No --once: the worker keeps running after the queue is empty, so lines can only come from a flush per line.
        let (worker, output) = try TriageProcess.startPiped(["worker", "--db", database, "--no-llm", "--concurrency", "1"])
        // A block-buffered worker would write nothing until it exits: stop it after a minute so the read ends.
        let watchdog = Task {
            try await Task.sleep(for: .seconds(60))
            if worker.isRunning { kill(worker.processIdentifier, SIGTERM) }
        }
        // Blocking reads run on a thread of their own, never on the test's cooperative threads.
        let (lines, runningAfterThirdJob) = try await TriageProcess.offload { () -> ([String], Bool) in
            var buffer: [UInt8] = []
            var lines: [String] = []
            while lines.filter({ $0.hasPrefix("job ") }).count < 3 {
                let chunk = output.availableData
                if chunk.isEmpty { break }
                buffer += chunk
                while let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    lines.append(String(decoding: buffer[..<end], as: UTF8.self))
                    buffer.removeSubrange(...end)
                }
            }
            return (lines, worker.isRunning)
        }
        watchdog.cancel()
        if worker.isRunning { kill(worker.processIdentifier, SIGTERM) }
        // Read to the end, so a worker still writing job lines never blocks on a full pipe, then wait for it.
        _ = try await TriageProcess.offload { output.readDataToEndOfFile() }
        await worker.exited()
        let jobs = lines.filter { $0.hasPrefix("job ") }
        #expect(jobs.count >= 3, "\(lines)")
        #expect(runningAfterThirdJob, "the job lines arrived only when the worker stopped: \(lines)")
        #expect(lines.first?.hasPrefix("worker: model") == true, "the start-up line comes first: \(lines)")
        #expect(jobs.allSatisfy { $0.contains(": done in ") && $0.contains("(exception ") }, "\(jobs)")
    }
}
