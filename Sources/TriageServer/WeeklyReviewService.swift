import Foundation
import TriageCore
import TriageRules

/// Builds the weekly review from a store and the rules in force; the CLI and the /review page share it.
public enum WeeklyReviewService {
    /// The review of the week ending with `lastDay` (default: the day of the newest exception).
    public static func review(store: any ReviewStore, table: RoutingTable, lastDay: Date?) async throws -> WeeklyReview {
        let newest = lastDay == nil ? try await store.latestExceptionDate() : nil
        let end = ISODate.startOfDay(lastDay ?? newest ?? Date()).addingTimeInterval(86_400)
        let data = try await store.feedbackData(from: WeeklyReviewBuilder.windowStart(weekEnd: end), to: end)
        return WeeklyReviewBuilder(data: data, rules: table.feedbackRules, policy: table.review, weekEnd: end).build()
    }
}
