import Foundation

/// What a signed-in person may do: reviewers decide cards; admins also manage users and rules.
public enum ReviewerRole: String, Sendable, Codable, CaseIterable, Hashable {
    case reviewer, admin
}

/// A person who decides cards, as authenticated by a token or a session.
public struct Reviewer: Sendable, Hashable, Codable {
    /// The stored id.
    public var id: Int64
    /// The name recorded on every decision.
    public var name: String
    /// What they may do.
    public var role: ReviewerRole
    /// The team whose queue they see first (fulfillment, customer_ops, finance, engineering), if any.
    public var team: String?

    /// Creates a reviewer.
    public init(id: Int64, name: String, role: ReviewerRole, team: String?) {
        self.id = id
        self.name = name
        self.role = role
        self.team = team
    }
}
