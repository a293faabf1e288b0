import ArgumentParser
import Foundation
import TriageCore
import TriageStore

/// `triage report`: exception types ranked by frequency × handling time.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Rank exception types by hours of manual work per week.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Start of the period (ISO date; default: the first exception).")
    var from: String?

    @Option(help: "End of the period, exclusive (ISO date; default: just after the last exception).")
    var to: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, ISODate.parse(value) == nil { throw ValidationError("\(name) is not an ISO date: \(value)") }
        }
        if let start = from.flatMap(ISODate.parse), let end = to.flatMap(ISODate.parse), end <= start {
            throw ValidationError("--to (\(to ?? "")) must be after --from (\(from ?? ""))")
        }
    }

    func run() async throws {
        let (from, to) = (from.flatMap(ISODate.parse), to.flatMap(ISODate.parse))
        let report = try await store.withServeStore(existing: true) { database in
            // An empty log is an empty report, not an error: a cron job on a quiet week must not fail.
            let span = try await database.exceptionTimeSpan()
            let now = Date()
            let start = from ?? span?.start ?? now
            // Without --to the range ends with the log, or right after --from when that is later: never reversed.
            let end = to ?? max(span?.end ?? now, start).addingTimeInterval(1)
            return try await database.exceptionReport(from: start, to: end)
        }
        if json {
            print(try JSONCoding.string(report))
        } else {
            print(report.renderTable(), terminator: "")
        }
    }
}
