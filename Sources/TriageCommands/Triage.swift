import ArgumentParser
import CStdioShim
import Foundation
import TriageCore

/// The `triage` command line: every subcommand reads its flags and environment once and wires the concrete parts.
public struct Triage: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Triage retail operations exceptions: log, classify, route, pre-fill cards, measure.",
        version: TriageVersion.current,
        subcommands: [
            DemoCommand.self, LoadCommand.self, IngestCommand.self, RulesCommand.self, ReportCommand.self,
            WorkerCommand.self, OutboxCommand.self, CardsCommand.self, UsersCommand.self, ServeCommand.self,
            ReviewCommand.self, SimulateDecisionsCommand.self, StatusCommand.self, DBCommand.self,
            BenchCommand.self, EvalCommand.self,
        ])

    /// An empty command, filled in by parsing.
    public init() {}

    /// Parses and runs, after a check that a mistyped subcommand gets a "did you mean" (exit 2, usage).
    public static func main() async {
        // Each line goes out when it is written, to a terminal, a file, a pipe or journald alike: a worker or a demo
        // under systemd shows its progress while it runs, not at exit.
        cstdio_line_buffered_stdout()
        if let message = CommandSuggestion.message(for: Array(CommandLine.arguments.dropFirst()), root: Self.self) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            guard let (status, message) = ExitStatus.of(error) else { exit(withError: error) }
            if let message, !message.isEmpty {
                // ArgumentParser's own messages start with "Error: " already.
                let line = message.hasPrefix("Error: ") ? message : "Error: \(message)"
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            Foundation.exit(status)
        }
    }
}
