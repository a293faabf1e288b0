import ArgumentParser
import Foundation
import TriageCore
import TriageRules
import TriageServer
import TriageStore

/// `triage review --week [DATE]`: the weekly review from the exception log and the decision log.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The weekly review: top types by hours, automation, rule agreement and promotion, AI acceptance, upstream fixes, who resolves what, cascades.")

    @Flag(help: "Review one week (the only period so far; kept for the playbook's wording).")
    var week = false

    @Argument(help: "The week's last day (ISO 8601; default: the day of the newest exception).")
    var date: String?

    @Option(help: "Write the whole review as JSON to this file.")
    var json: String?

    @Option(help: "Write every table as CSV into this folder.")
    var csv: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesOptions

    func run() async throws {
        let table = try rules.load()
        var lastDay: Date?
        if let date {
            guard let day = ISODate.parse(date) else { throw CLIError("not an ISO 8601 date: \(date)") }
            lastDay = day
        }
        let review = try await store.withServeStore(existing: true) { [lastDay] database in
            try await WeeklyReviewService.review(store: database, table: table, lastDay: lastDay)
        }
        print(review.text)
        if let json {
            let encoder = JSONCoding.encoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(review).write(to: URL(fileURLWithPath: json))
            print("\nJSON: \(json)")
        }
        if let csv {
            let folder = URL(fileURLWithPath: csv)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for section in review.tables {
                try Data(section.csv.utf8).write(to: folder.appendingPathComponent(section.name + ".csv"))
            }
            print("CSV: \(review.tables.count) files in \(csv)")
        }
    }
}
