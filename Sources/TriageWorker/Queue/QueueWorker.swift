import Foundation
import Synchronization
import TriageCore

/// Drains the AI queue: claims jobs with a lease, runs up to `concurrency` suggestions at once, and writes each
/// card and acks its job in one transaction. Endpoint failures are retried with backoff, then dead-lettered.
public struct QueueWorker: Sendable {
    let queue: any AIJobQueue
    let engine: any SuggestionMaking
    let configuration: WorkerConfiguration
    let now: @Sendable () -> Date
    let sleep: @Sendable (Double) async throws -> Void
    let jitter: @Sendable () -> Double
    let arrivals: (any JobArrivals)?
    let beatSleep: @Sendable (Duration) async throws -> Void

    /// Creates a worker; `now`, `sleep`, `jitter` and `beatSleep` are parameters so tests control time. With `arrivals`, an idle
    /// worker that is not draining `once` wakes when jobs are announced, and polls every `pollSeconds` besides.
    public init(
        queue: any AIJobQueue, engine: any SuggestionMaking, configuration: WorkerConfiguration,
        arrivals: (any JobArrivals)? = nil,
        now: @escaping @Sendable () -> Date = Date.init,
        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        beatSleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.beatSleep = beatSleep
        self.queue = queue
        self.engine = engine
        self.configuration = configuration
        self.now = now
        self.sleep = sleep
        self.jitter = jitter
        self.arrivals = arrivals
    }

    /// Drains until the queue is empty (`once`), the limit is reached, or `stop` says so; in-flight jobs finish.
    public func run(
        stop: StopSignal = StopSignal(), progress: (@Sendable (WorkerRunSummary) -> Void)? = nil
    ) async throws -> WorkerRunSummary {
        let running = RunningJobs()
        // The heartbeat is a child task: cancelled and awaited when the drain ends, never left running.
        return try await withThrowingTaskGroup(of: Void.self) { companions in
            companions.addTask { await self.beat(running) }
            defer { companions.cancelAll() }
            return try await drain(running, stop: stop, progress: progress)
        }
    }

    private func drain(
        _ running: RunningJobs, stop: StopSignal, progress: (@Sendable (WorkerRunSummary) -> Void)?
    ) async throws -> WorkerRunSummary {
        var summary = WorkerRunSummary()
        var claimed = 0
        try await withThrowingTaskGroup(of: FinishedJob.self) { group in
            var inFlight = 0
            while true {
                let budget = configuration.limit.map { $0 - claimed } ?? Int.max
                let free = min(configuration.concurrency - inFlight, budget)
                var jobs: [AIJob] = []
                if free > 0 && !stop.isStopped {
                    jobs = try await retryingStore(&summary) {
                        try await queue.claim(
                            owner: configuration.owner, limit: free, now: now(),
                            leaseSeconds: configuration.leaseSeconds, task: configuration.task,
                            maxAttempts: configuration.retry.maxAttempts)
                    }
                }
                for job in jobs {
                    running.add(job)
                    group.addTask {
                        defer { running.remove(job) }
                        let started = Date()
                        var finished = await self.process(job)
                        finished.seconds = Date().timeIntervalSince(started)
                        return finished
                    }
                }
                inFlight += jobs.count
                claimed += jobs.count
                if inFlight > 0 {
                    if let outcome = try await group.next() {
                        inFlight -= 1
                        summary.record(outcome)
                        progress?(summary)
                    }
                    continue
                }
                let more = try await retryingStore(&summary) {
                    try await waitForWork(stop: stop, budgetLeft: budget > 0)
                }
                guard more else { break }
            }
        }
        summary.missedHeartbeats = running.missedBeats
        return summary
    }

    /// The heartbeat: every third of a lease (real time, through `beatSleep`, which tests drive), moves the leases of the jobs in flight a full lease ahead,
    /// so a job that runs long is not taken by another worker while this one is alive; a killed worker's jobs are
    /// taken again one lease after its last beat. A beat that fails is not retried: the next one tries again, and a
    /// lease that lapses meanwhile ends in a refused ack, never in a job done twice.
    private func beat(_ running: RunningJobs) async {
        let interval = Duration.milliseconds(Int(configuration.leaseSeconds * 1_000 / 3))
        while (try? await beatSleep(interval)) != nil, !Task.isCancelled {
            let jobs = running.jobs
            guard !jobs.isEmpty else { continue }
            do {
                _ = try await queue.extendLeases(jobs, until: now().addingTimeInterval(configuration.leaseSeconds))
            } catch {
                running.recordMissedBeat()
            }
        }
    }

    /// Runs a queue call, and while the store fails, tries again after 0.25 s, 0.5 s, … (at most 5 s apart) for up
    /// to `storeOutageSeconds`; then the last error ends the drain.
    private func retryingStore<T>(
        _ summary: inout WorkerRunSummary, _ call: () async throws -> T
    ) async throws -> T {
        let started = now()
        var delay = 0.25
        while true {
            do {
                return try await call()
            } catch {
                guard now().timeIntervalSince(started) + delay <= configuration.storeOutageSeconds,
                    !(error is CancellationError)
                else { throw error }
                summary.storeRetries += 1
                try await sleep(delay)
                delay = min(delay * 2, 5)
            }
        }
    }

    /// Waits until more work may be due; false when the drain should end.
    private func waitForWork(stop: StopSignal, budgetLeft: Bool) async throws -> Bool {
        guard !stop.isStopped, budgetLeft else { return false }
        if configuration.once {
            guard let due = try await queue.nextDueDate(task: configuration.task) else { return false }
            let wait = due.timeIntervalSince(now())
            try await sleep(min(max(wait, 0.01), configuration.pollSeconds * 5))
            return true
        }
        if let arrivals {
            // A stop rings the same way, so shutdown does not wait out a long poll.
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await arrivals.waitForJobs(upTo: configuration.pollSeconds) }
                group.addTask { await stop.bell.waitForJobs(upTo: configuration.pollSeconds) }
                await group.next()
                group.cancelAll()
            }
        } else {
            try await sleep(configuration.pollSeconds)
        }
        return !stop.isStopped
    }

    private func process(_ job: AIJob) async -> FinishedJob {
        do {
            guard let record = try await queue.exception(forJob: job) else {
                return try await fail(job, message: "exception \(job.exceptionID) not found", retryable: false)
            }
            let suggestion: Suggestion
            switch await suggestWithinDeadline(record, task: job.task) {
            case .success(let value): suggestion = value
            case .failure(let failure): return try await fail(job, message: failure.message, retryable: failure.retryable)
            }
            let completed = try await queue.complete(job, with: suggestion, now: now())
            return FinishedJob(job, completed ? .done : .lost, suggestion: suggestion)
        } catch {
            return await recordStoreError(error, job: job)
        }
    }

    /// Records a store error as a retryable failure; when even that write fails, the job's lease runs out and the
    /// job is taken again, and the summary keeps the error instead of dropping it.
    private func recordStoreError(_ error: any Error, job: AIJob) async -> FinishedJob {
        do {
            return try await fail(job, message: "store error: \(error)", retryable: true)
        } catch {
            return FinishedJob(job, .unrecorded, error: "job \(job.id): \(error)")
        }
    }

    private func fail(_ job: AIJob, message: String, retryable: Bool) async throws -> FinishedJob {
        let next = configuration.retry.failed(job, error: message, retryable: retryable, now: now(), jitter: jitter())
        try await queue.fail(job, next: next, now: now())
        return FinishedJob(job, next.state == .dead ? .dead : .retried, error: message)
    }
}

extension FinishedJob {
    /// How `job` ended, with the suggestion it got or the error of its attempt; `seconds` is set by the caller.
    init(_ job: AIJob, _ end: End, suggestion: Suggestion? = nil, error: String? = nil) {
        self.init(
            jobID: job.id, exceptionID: job.exceptionID, task: job.task, end: end, seconds: 0, model: suggestion?.model,
            confidence: suggestion?.confidence, error: error)
    }
}

extension WorkerRunSummary {
    mutating func record(_ job: FinishedJob) {
        switch job.end {
        case .done:
            done += 1
            doneByTask[job.task, default: 0] += 1
        case .retried: retried += 1
        case .dead: dead += 1
        case .lost: lost += 1
        case .unrecorded:
            lost += 1
            storeErrors.append(job.error ?? "")
        }
        lastJob = job
    }
}

/// The jobs a worker is running, for its heartbeat.
final class RunningJobs: Sendable {
    private let state = Mutex((jobs: [Int64: AIJob](), missedBeats: 0))

    func add(_ job: AIJob) { state.withLock { $0.jobs[job.id] = job } }
    func remove(_ job: AIJob) { state.withLock { _ = $0.jobs.removeValue(forKey: job.id) } }
    var jobs: [AIJob] { state.withLock { Array($0.jobs.values) } }
    func recordMissedBeat() { state.withLock { $0.missedBeats += 1 } }
    var missedBeats: Int { state.withLock { $0.missedBeats } }
}

/// A flag that asks a running worker to stop claiming jobs (set on SIGTERM/SIGINT).
public final class StopSignal: Sendable {
    private let stopped = Mutex(false)
    /// Rung by `stop()`, so an idle worker waiting for announced jobs wakes to stop.
    let bell = Doorbell()

    /// Creates an unset signal.
    public init() {}

    /// True once `stop()` was called.
    public var isStopped: Bool { stopped.withLock { $0 } }

    /// Asks the worker to stop after its in-flight jobs.
    public func stop() {
        stopped.withLock { $0 = true }
        bell.ring()
    }
}
