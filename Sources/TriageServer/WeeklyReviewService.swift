import Foundation
import TriageCore
import TriageRules

/// Builds the weekly review from a store and the rules in force; the CLI and the /review page share it.
public enum WeeklyReviewService {
    /// The review of the week ending with `lastDay` (default: the day of the newest exception).
    public static func review(store: any ReviewStore, table: RoutingTable, lastDay: Date?) throws -> WeeklyReview {
        let day = try lastDay ?? store.latestExceptionDate() ?? Date()
        let end = ISODate.startOfDay(day).addingTimeInterval(86_400)
        let data = try store.feedbackData(from: WeeklyReviewBuilder.windowStart(weekEnd: end), to: end)
        return WeeklyReviewBuilder(data: data, rules: table.feedbackRules, policy: table.review, weekEnd: end).build()
    }
}
