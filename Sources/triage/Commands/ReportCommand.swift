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
    }

    func run() async throws {
        let database = try store.open()
        guard let span = try database.exceptionTimeSpan() else { throw CLIError("the exception log is empty") }
        let start = from.flatMap(ISODate.parse) ?? span.first
        let end = to.flatMap(ISODate.parse) ?? span.last.addingTimeInterval(1)
        let report = try database.exceptionReport(from: start, to: end)
        if json {
            print(try JSONCoding.string(report))
        } else {
            print(report.renderTable(), terminator: "")
        }
    }
}
