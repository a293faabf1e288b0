import Foundation

/// What one bulk accept did, card by card. Each card was re-checked and decided in its own transaction, so one
/// card that no longer fits never holds back (or rolls back) the others.
public struct BulkAcceptResult: Sendable, Hashable, Codable {
    /// One card the bulk action could not accept, and why.
    public struct NotAccepted: Sendable, Hashable, Codable {
        /// The card.
        public var cardID: Int64
        /// Why, in a reviewer's words.
        public var reason: String

        /// Creates an entry.
        public init(cardID: Int64, reason: String) {
            self.cardID = cardID
            self.reason = reason
        }
    }

    /// The batch id every decision of this action carries in the decision log.
    public var batchID: String
    /// Cards accepted: their rule's plan was executed and confirmed through the outbox.
    public var accepted: [ReviewOutcome] = []
    /// Cards whose plan no longer fits the data: nothing was executed and each is now a judgment card.
    public var turnedToJudgment: [NotAccepted] = []
    /// Cards left as they were: an AI suggestion, no gated plan, decided already, held by another reviewer.
    public var skipped: [NotAccepted] = []

    /// An empty result for `batchID`.
    public init(batchID: String) {
        self.batchID = batchID
    }

    /// Files the outcome of one card's accept.
    public mutating func record(cardID: Int64, _ result: Result<ReviewOutcome, ReviewError>) {
        switch result {
        case .success(let outcome): accepted.append(outcome)
        case .failure(.stalePlan(let reason)): turnedToJudgment.append(NotAccepted(cardID: cardID, reason: reason))
        case .failure(let error): skipped.append(NotAccepted(cardID: cardID, reason: error.description))
        }
    }

    /// The most cards one bulk action takes.
    public static let limit = 500
}
