import Foundation
import TriageCore

/// What the outbox commands print: a table, JSON lines, delivery failures and the summary line.
public enum OutboxText {
    /// A readable table of entries, with a note when more match than are shown.
    public static func table(_ entries: [OutboxEntry], total: Int, now: Date = Date()) -> String {
        let header = ["ID", "SYSTEM", "TYPE", "STATE", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR", "CREATED"]
        let rows = entries.map { entry -> [String] in
            let message = entry.message
            return [
                String(message.id), message.targetSystem, message.messageType, message.state.rawValue,
                String(message.attempts), nextAttempt(message, now: now), shortened(message.lastError ?? "-", to: 60),
                ISODate.format(entry.createdAt),
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let lines = ([header] + rows).map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let more = total > entries.count ? ["showing \(entries.count) of \(total) (--limit N for more)"] : []
        let empty = entries.isEmpty ? ["no outbox messages match"] : []
        return ((entries.isEmpty ? [] : lines) + empty + more).joined(separator: "\n")
    }

    /// One JSON object per entry, one per line (no payload).
    public static func jsonLines(_ entries: [OutboxEntry]) throws -> String {
        let encoder = JSONCoding.encoder()
        return try entries.map { String(decoding: try encoder.encode(OutboxListLine($0)), as: UTF8.self) }
            .joined(separator: "\n")
    }

    /// One line per message whose attempt failed in this run: id, system, reason.
    public static func failureLines(_ summary: RelaySummary) -> [String] {
        let failed = summary.failures.sorted { $0.id < $1.id }.map { "failed #\($0.id) \($0.system): \($0.reason)" }
        let retrying = summary.retries.values.sorted { $0.id < $1.id }.map {
            "retrying #\($0.id) \($0.system): \($0.reason) (after attempt \($0.attempts))"
        }
        return failed + retrying
    }

    /// `outbox → TARGET: 3 delivered, 1 failed, 0 to retry; left 122 pending for storefront, gateway: no endpoint configured`.
    public static func summaryLine(_ summary: RelaySummary, target: String) -> String {
        var line =
            "outbox → \(target): \(summary.delivered) delivered, \(summary.failed) failed, \(summary.retrying) to retry"
        if summary.pendingWithoutEndpoint > 0 {
            let systems = summary.pendingSystems.joined(separator: ", ")
            line += "; left \(summary.pendingWithoutEndpoint) pending for \(systems): no endpoint configured"
        }
        return line
    }

    /// When a pending message is tried next: "due" when it may go now, its time while it waits on backoff.
    static func nextAttempt(_ message: OutboxMessage, now: Date) -> String {
        guard message.state == .pending else { return "-" }
        return message.nextAttemptAt > now ? ISODate.format(message.nextAttemptAt) : "due"
    }

    /// The messages a failed attempt left waiting on backoff, and when the first of them is tried again; nil when
    /// none wait. The delivery summary ends with it, so "0 to retry" never hides messages a later run will send.
    public static func waitingLine(_ pending: [OutboxEntry], now: Date) -> String? {
        let waiting = pending.map(\.message).filter { $0.state == .pending && $0.nextAttemptAt > now }
        guard let next = waiting.map(\.nextAttemptAt).min() else { return nil }
        return "\(waiting.count) message(s) wait on backoff after a failed attempt; the next is due at "
            + "\(ISODate.format(next)): run the same `triage outbox deliver` again then (`triage outbox list --state pending` lists them)"
    }

    static func shortened(_ text: String, to length: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= length ? flat : String(flat.prefix(length - 1)) + "…"
    }
}

/// One `triage outbox list --json` line.
struct OutboxListLine: Encodable {
    let id: Int64
    let exceptionID: Int64?
    let system: String
    let type: String
    let state: String
    let attempts: Int
    let lastError: String?
    let idempotencyKey: String
    let createdAt: Date
    let deliveredAt: Date?

    init(_ entry: OutboxEntry) {
        let message = entry.message
        id = message.id
        exceptionID = message.exceptionID
        system = message.targetSystem
        type = message.messageType
        state = message.state.rawValue
        attempts = message.attempts
        lastError = message.lastError
        idempotencyKey = message.idempotencyKey
        createdAt = entry.createdAt
        deliveredAt = entry.deliveredAt
    }

    enum CodingKeys: String, CodingKey {
        case id, system, type, state, attempts
        case exceptionID = "exception_id", lastError = "last_error", idempotencyKey = "idempotency_key"
        case createdAt = "created_at", deliveredAt = "delivered_at"
    }
}
