import TriageCore

/// The routing table: rules tried in order (first match wins) and the team that owns each kind.
///
/// Built by `parse(yaml:file:)` or `load(contentsOf:)`, which validate everything and compile conditions,
/// so routing itself is pure and cheap.
public struct RoutingTable: Sendable {
    /// The rules file format version.
    public let version: Int
    /// The rules, in file order.
    public let rules: [Rule]
    /// The owning team per exception kind (the file's `teams:` over the defaults).
    public let teams: [ExceptionKind: String]
    /// The file the table was read from, for messages.
    public let file: String
    /// The weekly review's thresholds (promotion evidence, cascade detection).
    public let review: ReviewPolicy

    /// The teams used for kinds a rules file does not name.
    public static let defaultTeams: [ExceptionKind: String] = [
        .paymentDrift: "finance", .addressHold: "fulfillment", .inventoryDrift: "fulfillment",
        .returnRequest: "customer_ops", .supplierInvoice: "finance", .warrantyClaim: "customer_ops",
        .integrationFailure: "engineering",
    ]

    init(version: Int, rules: [Rule], teams: [ExceptionKind: String], review: ReviewPolicy = ReviewPolicy(), file: String) {
        self.version = version
        self.rules = rules
        self.teams = RoutingTable.defaultTeams.merging(teams) { _, fromFile in fromFile }
        self.review = review
        self.file = file
    }

    /// The team that owns exceptions of `kind`.
    public func team(for kind: ExceptionKind) -> String {
        teams[kind] ?? "operations"
    }

    /// Every team that owns a kind, by name: the teams a user, a queue filter or a card can belong to.
    public var knownTeams: [String] { Set(teams.values).sorted() }

    /// Why `team` is not one of this table's teams (naming them), or nil when it is.
    public func problem(team: String) -> String? {
        knownTeams.contains(team)
            ? nil : "no team \(team) in the routing table (\(file)); teams: \(knownTeams.joined(separator: ", "))"
    }

    /// The rule with this id.
    public func rule(id: String) -> Rule? {
        rules.first { $0.id == id }
    }
}
