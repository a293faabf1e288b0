import TriageCore

/// Deterministic keys for outbox messages, so replaying an exception never sends a confirmation twice.
public enum IdempotencyKey {
    /// `action:source:event-id:target`, e.g. `release_order:gateway:evt-881:storefront`.
    public static func make(action: String, record: ExceptionRecord, target: String) -> String {
        "\(action):\(record.exception.source):\(record.exception.eventID):\(target)"
    }
}
