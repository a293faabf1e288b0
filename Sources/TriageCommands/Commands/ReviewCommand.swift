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

    @Argument(help: "The week's last day (ISO 8601; default: the Sunday that ended the last full week, UTC).")
    var date: String?

    @Option(help: "Write the whole review as JSON to this file.")
    var json: String?

    @Option(help: "Write every table as CSV into this folder.")
    var csv: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesOptions

    func run() async throws {
        let table = try rules.load()
        var lastDay = Self.lastFullWeekEnd(before: Date())
        if let date {
            guard let day = ISODate.parse(date) else { throw CLIError.badInput("--week: not an ISO 8601 date (YYYY-MM-DD): \(date)") }
            lastDay = day
        }
        let (review, newest) = try await store.withServeStore(existing: true) { [lastDay] database in
            (try await WeeklyReviewService.review(store: database, table: table, lastDay: lastDay),
             try await database.latestExceptionDate())
        }
        print(review.text)
        if let newest, newest < lastDay.addingTimeInterval(-6 * 86_400) {
            let day = String(ISODate.format(newest).prefix(10))
            print("\nThe log's newest exception is from \(day), before this week: `triage review --week \(day) --db \(store.displayName)` reviews the week ending then.")
        }
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

    /// The Sunday (UTC) that ended the last full Monday-to-Sunday week before `now`.
    static func lastFullWeekEnd(before now: Date) -> Date {
        let day = (now.timeIntervalSince1970 / 86_400).rounded(.down)
        // 1970-01-01 was a Thursday: (day + 3) mod 7 counts from Monday (0) to Sunday (6).
        let fromMonday = (Int(day) + 3) % 7
        return Date(timeIntervalSince1970: (day - Double(fromMonday + 1)) * 86_400)
    }
}
