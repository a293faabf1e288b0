import TriageCore

/// What one ingest did: how many exceptions were stored, skipped as duplicates, and where they went.
public struct RoutingSummary: Sendable, Hashable, CustomStringConvertible {
    /// Exceptions in the batch.
    public internal(set) var received = 0
    /// Exceptions stored and routed.
    public internal(set) var inserted = 0
    /// Exceptions skipped because (source, event id) was already stored.
    public internal(set) var duplicates = 0
    /// Plans executed by auto rules.
    public internal(set) var executed = 0
    /// Exceptions that joined an undecided card about the same order, kind and reason instead of raising a card.
    public internal(set) var joined = 0
    /// Cascade escalations raised (not counted as received or stored: Triage raised them, no source sent them).
    public internal(set) var cascades = 0
    /// Stored exceptions per kind.
    public internal(set) var byKind: [ExceptionKind: Int] = [:]
    /// Cards per decision type.
    public internal(set) var byDecision: [DecisionType: Int] = [:]
    /// Cards per status.
    public internal(set) var byStatus: [CardStatus: Int] = [:]

    /// An empty summary.
    public init() {}

    /// Adds another summary's counts, e.g. to total several batches.
    public mutating func merge(_ other: RoutingSummary) {
        received += other.received
        inserted += other.inserted
        duplicates += other.duplicates
        executed += other.executed
        cascades += other.cascades
        joined += other.joined
        byKind.merge(other.byKind, uniquingKeysWith: +)
        byDecision.merge(other.byDecision, uniquingKeysWith: +)
        byStatus.merge(other.byStatus, uniquingKeysWith: +)
    }

    /// Counts a routed exception's card.
    mutating func count(_ card: NewCard) {
        received += 1
        inserted += 1
        byKind[card.kind, default: 0] += 1
        byDecision[card.decisionType, default: 0] += 1
        byStatus[card.status, default: 0] += 1
        if card.status == .autoResolved { executed += 1 }
    }

    /// Counts a cascade escalation Triage raised.
    mutating func countCascade(_ card: NewCard) {
        cascades += 1
        byDecision[card.decisionType, default: 0] += 1
        byStatus[card.status, default: 0] += 1
    }

    /// Counts an exception that joined an open card.
    mutating func countJoined(_ record: ExceptionRecord) {
        received += 1
        inserted += 1
        joined += 1
        byKind[record.exception.kind, default: 0] += 1
    }

    /// Counts a duplicate.
    mutating func countDuplicate() {
        received += 1
        duplicates += 1
    }

    /// A few lines for the command line: totals, then counts per kind, decision and status.
    public var description: String {
        func line<Key: RawRepresentable>(_ title: String, _ counts: [Key: Int]) -> String where Key.RawValue == String {
            let parts = counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
            return "\(title): " + (parts.isEmpty ? "none" : parts.joined(separator: ", "))
        }
        return [
            "received \(received), stored \(inserted), duplicates \(duplicates), auto-executed \(executed)"
                + (joined > 0 ? ", joined open cards \(joined)" : "") + (cascades > 0 ? ", cascades raised \(cascades)" : ""),
            line("by kind", byKind), line("by decision", byDecision), line("by status", byStatus),
        ].joined(separator: "\n")
    }
}
