import Foundation

/// What a card waiting for the AI worker says after the worker's attempt: the one wording every store writes.
public enum WorkerCardText {
    /// The summary of a card that joined the older undecided card about the same order and cause.
    public static func joined(_ survivor: Int64) -> String {
        "Joined card \(survivor): the same order and cause; decided there"
    }

    /// Why a job was dead-lettered when it was claimed with no attempts left.
    public static let exhaustedReason =
        "the last attempt never finished: the worker stopped or crashed while running it"

    /// One line for the queue: the suggested action and confidence, or why there is none.
    public static func suggested(_ suggestion: Suggestion) -> String {
        guard let action = suggestion.action else {
            return "No suggestion: \(suggestion.noSuggestionReason ?? "the worker could not decide")"
        }
        let by = suggestion.model ?? "deterministic checks"
        return "Suggested: \(action) (\(suggestion.confidence.rawValue) confidence, by \(by))"
    }

    /// Why the last attempt failed and when the next one is.
    public static func retrying(reason: String, attempts: Int, nextTry: Date) -> String {
        "Waiting for the AI worker: attempt \(attempts) failed (\(reason)); next try at " + ISODate.format(nextTry)
    }

    /// The worker gave up: the card becomes a judgment card for a person.
    public static func gaveUp(reason: String, attempts: Int) -> String {
        "No suggestion: the AI worker gave up after \(attempts) attempt(s) (\(reason)). Decide by hand."
    }

    /// The flags of a card the worker gave up on.
    public static let gaveUpFlags = #"["worker_failed"]"#
}
