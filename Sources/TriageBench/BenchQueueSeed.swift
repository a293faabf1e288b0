import Foundation
import TriageCore

/// Unstructured exceptions as routing hands them to the AI worker, the three AI tasks in turn.
enum BenchQueueSeed {
    /// One exception kind per AI task, with the team and a short text like the ones routing queues.
    private static let shapes: [(kind: ExceptionKind, task: AITask, team: String, text: String)] = [
        (.returnRequest, .returnMatch, "customer_ops", "Hi, I would like to return the kettle I bought last month."),
        (.supplierInvoice, .invoice, "finance", "Invoice INV-2291 for PO-4410, total 1,240.00 USD."),
        (.warrantyClaim, .warranty, "customer_ops", "My toaster stopped working after three months."),
    ]

    /// `count` intakes with event ids `bench-<first>`… in order.
    static func intakes(_ count: Int, first: Int = 0, at: Date) -> [WorkerIntake] {
        (first..<first + count).map { index in
            let shape = shapes[index % shapes.count]
            return WorkerIntake(
                exception: NewException(
                    source: "mail", eventID: "bench-\(index)", kind: shape.kind, occurredAt: at, text: shape.text),
                task: shape.task, team: shape.team, title: shape.kind.rawValue)
        }
    }

    /// Seeds `count` queued jobs in one transaction; every one must be new.
    static func seed(_ store: any AIJobIntake, count: Int) async throws {
        let stored = try await store.enqueue(intakes(count, at: Date()), now: Date())
        guard stored == count else { throw BenchError("bench seed: \(count - stored) exception(s) were already stored") }
    }
}
