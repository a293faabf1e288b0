import Foundation

/// Who may lock and decide a card: a reviewer with a team decides that team's cards; an admin, and a reviewer
/// with no team (a generalist the admin left unassigned), decide any. Checked in the one decision flow every
/// route (page, API, command line) goes through.
public enum TeamScope {
    /// The refusal for `reviewer` acting on `card`, nil when they may.
    public static func refusal(of reviewer: Reviewer, for card: NewCard) -> ReviewError? {
        guard reviewer.role != .admin, let team = reviewer.team, team != card.team else { return nil }
        return .otherTeam(card: card.team, reviewer: team)
    }
}
