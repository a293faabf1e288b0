import Foundation
import TriageCore
import TriageStore

/// Fills a database with unstructured exceptions, each with a card waiting for the worker and a queued job,
/// the way routing leaves them; the three AI tasks in turn.
enum BenchQueueSeed {
    /// One exception kind per AI task, with the team and a short text like the ones routing queues.
    private static let shapes: [(kind: ExceptionKind, task: AITask, team: String, text: String)] = [
        (.returnRequest, .returnMatch, "customer_ops", "Hi, I would like to return the kettle I bought last month."),
        (.supplierInvoice, .invoice, "finance", "Invoice INV-2291 for PO-4410, total 1,240.00 USD."),
        (.warrantyClaim, .warranty, "customer_ops", "My toaster stopped working after three months."),
    ]

    /// Seeds `count` queued jobs in one transaction.
    static func seed(_ database: AppDatabase, count: Int) async throws {
        let at = Date()
        try await database.routingTransaction { tx in
            for index in 0..<count {
                let shape = shapes[index % shapes.count]
                let exception = NewException(
                    source: "mail", eventID: "bench-\(index)", kind: shape.kind, occurredAt: at, text: shape.text)
                guard let record = try tx.insert(exception, receivedAt: at) else {
                    throw BenchError("bench seed: exception bench-\(index) already stored")
                }
                try tx.writeCard(
                    NewCard(
                        exceptionID: record.id, kind: shape.kind, decisionType: .unstructured, status: .awaitingWorker,
                        team: shape.team, title: shape.kind.rawValue, summary: "Waiting for the AI worker",
                        createdAt: at))
                try tx.enqueue(exceptionID: record.id, task: shape.task, at: at)
            }
        }
    }
}
