import TriageCore
extension OutboxText {
    /// What `outbox retry` prints: each message requeued with the error it had, the ids already pending, the count.
    public static func requeueLines(_ result: OutboxRequeue) -> [String] {
        let requeued = result.requeued.map { message in
            "requeued #\(message.id) \(message.targetSystem) \(message.messageType) (was: \(message.lastError ?? "failed"))"
        }
        return requeued + result.alreadyPending.map { "#\($0) is already pending" } + ["\(result.requeued.count) requeued"]
    }
}
