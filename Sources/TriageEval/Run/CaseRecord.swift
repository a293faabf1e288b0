import Foundation
import TriageCore

/// Turns a case's `input` into the exception a production source would raise for it.
///
/// The free text (`text`, or a warranty email's `body`) becomes the exception's text and every other key goes
/// to the payload, exactly as ingest stores a returns-app request, an AP-inbox invoice or a mail-drop email.
public enum CaseRecord {
    /// When a case carries no `received_at`: a fixed date, so runs are repeatable.
    public static let fixedDate = Date(timeIntervalSince1970: 1_795_132_800)  // 2026-11-20T00:00:00Z

    /// The exception kind, source and reason a task's exceptions arrive with.
    public static func origin(of task: AITask) -> (kind: ExceptionKind, source: String, reason: String) {
        switch task {
        case .returnMatch: (.returnRequest, "returns_app", "no_order_number")
        case .invoice: (.supplierInvoice, "ap_inbox", "invoice_received")
        case .warranty: (.warrantyClaim, "mail", "warranty_email")
        }
    }

    /// The inverse of `exception(for:)`: a case input from an exception as its source sent it, the payload and
    /// the text under the task's key (`body` for warranty, else `text`).
    public static func input(from exception: NewException, task: AITask) -> [String: JSONValue] {
        var input = exception.payload
        if let text = exception.text { input[task == .warranty ? "body" : "text"] = .string(text) }
        return input
    }

    /// The exception for `entry`; its event id is the case id, so the log's (source, event id) stays unique.
    public static func exception(for entry: EvalCase) -> NewException {
        let origin = origin(of: entry.task)
        var payload = entry.input
        let textKey = entry.task == .warranty && payload["text"] == nil ? "body" : "text"
        let text = payload.removeValue(forKey: textKey)?.text
        let occurredAt = payload["received_at"]?.text.flatMap(ISODate.parse) ?? fixedDate
        return NewException(
            source: origin.source, eventID: entry.id, kind: origin.kind, reason: origin.reason,
            occurredAt: occurredAt, text: text, payload: payload)
    }
}
