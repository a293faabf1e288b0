import Foundation
import TriageCore

extension AppDatabase: AIJobIntake {
    @discardableResult
    public func enqueue(_ intakes: [WorkerIntake], now: Date) async throws -> Int {
        try await routingTransaction { transaction in
            var stored = 0
            for intake in intakes {
                guard let record = try transaction.insert(intake.exception, receivedAt: now) else { continue }
                _ = try transaction.writeCard(
                    NewCard(
                        exceptionID: record.id, kind: intake.exception.kind, decisionType: .unstructured,
                        status: .awaitingWorker, team: intake.team, title: intake.title,
                        summary: WorkerIntake.waitingSummary, createdAt: now))
                try transaction.enqueue(exceptionID: record.id, task: intake.task, at: now)
                stored += 1
            }
            return stored
        }
    }
}
