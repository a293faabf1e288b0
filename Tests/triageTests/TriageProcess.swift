import Foundation

/// Runs the built `triage` binary (next to the test bundle) as a child process, as a user or a deployment would.
enum TriageProcess {
    /// The repository root, for rules.yaml and prompts/.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built binary.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("triage")
    }

    /// What a finished run printed.
    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs to completion and captures both streams, waiting on a thread of its own: the test process runs every
    /// suite at once on as many cooperative threads as there are cores (two here), and a blocking wait on one of
    /// them starved other suites' real-time tests for minutes.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
    ) async throws -> Output {
        try await offload { try runBlocking(arguments, environment: environment, in: directory) }
    }

    /// Runs blocking `work` on a new thread, outside the cooperative pool, and returns its result.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    private static func runBlocking(
        _ arguments: [String], environment: [String: String], in directory: URL?
    ) throws -> Output {
        let process = configured(arguments, environment: environment)
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts a run in the background with its output discarded.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = configured(arguments, environment: environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Starts a run in the background with its standard output on a pipe the test reads while it runs.
    static func startPiped(_ arguments: [String]) throws -> (process: Process, output: FileHandle) {
        let process = configured(arguments, environment: [:])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, pipe.fileHandleForReading)
    }

    private static func configured(_ arguments: [String], environment: [String: String]) -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        return process
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

extension Process {
    /// Waits for the process to end on a thread of its own (see ``TriageProcess/run(_:environment:in:)``).
    func exited() async {
        let process = UncheckedProcess(process: self)
        _ = try? await TriageProcess.offload { process.process.waitUntilExit() }
    }
}

/// A `Process` handed to the waiting thread; only `waitUntilExit` is called there.
private struct UncheckedProcess: @unchecked Sendable {
    let process: Process
}
