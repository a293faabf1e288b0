import ArgumentParser

/// The `triage` command line: every subcommand reads its flags and environment once and wires the concrete parts.
@main
struct Triage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Triage retail operations exceptions: log, classify, route, pre-fill cards, measure.",
        subcommands: [
            DemoCommand.self, LoadCommand.self, IngestCommand.self, RulesCommand.self, ReportCommand.self,
            WorkerCommand.self, OutboxCommand.self, CardsCommand.self, UsersCommand.self, ServeCommand.self,
            ReviewCommand.self, SimulateDecisionsCommand.self,
            BenchCommand.self, EvalCommand.self,
        ])
}
