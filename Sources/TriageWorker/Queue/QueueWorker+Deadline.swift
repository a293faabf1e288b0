import Foundation
import TriageCore

/// Why an attempt at a job produced no suggestion.
struct AttemptFailure: Error, Sendable {
    let message: String
    let retryable: Bool
}

extension QueueWorker {
    /// Asks the engine for a suggestion, giving up after ``WorkerConfiguration/jobDeadlineSeconds``: the model
    /// calls of a hanging endpoint are cancelled and the attempt fails, to be retried with backoff.
    func suggestWithinDeadline(_ record: ExceptionRecord, task: AITask) async -> Result<Suggestion, AttemptFailure> {
        let deadline = configuration.jobDeadlineSeconds
        return await withTaskGroup(of: Result<Suggestion, AttemptFailure>?.self) { group in
            group.addTask {
                do throws(ChatError) {
                    return .success(try await engine.suggest(for: record, task: task))
                } catch {
                    return .failure(AttemptFailure(message: error.description, retryable: error.isRetryable))
                }
            }
            group.addTask {
                do {
                    try await Task.sleep(for: .seconds(deadline))
                } catch {
                    return nil  // cancelled: the suggestion came first
                }
                let message = "no suggestion within the job deadline of \(Self.seconds(deadline)) s"
                return .failure(AttemptFailure(message: message, retryable: true))
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(AttemptFailure(message: "cancelled", retryable: true))
        }
    }

    private static func seconds(_ value: Double) -> String {
        value.rounded() == value ? String(Int(bounded: value) ?? 0) : String(value)
    }
}
