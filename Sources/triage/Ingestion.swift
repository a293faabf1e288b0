import Foundation
import TriageCore
import TriageRules

/// What ingesting one file did.
struct IngestOutcome {
    /// The routing counts.
    var summary = RoutingSummary()
    /// Every rejected record, with file, line and field.
    var rejected: [RejectedRecord] = []
}

/// Reads an exception file and routes its valid records in batches, one transaction a batch.
struct Ingestion {
    let service: RoutingService
    var batchSize = 5_000

    /// Reads, validates and routes a JSONL or CSV file. A bad record rejects that record only.
    func ingest(file url: URL, now: @escaping () -> Date = Date.init) throws -> IngestOutcome {
        let file = try ExceptionFileReader.read(contentsOf: url)
        var outcome = IngestOutcome(rejected: file.rejected)
        outcome.summary = try route(file.exceptions.map(\.exception), now: now)
        return outcome
    }

    /// Routes already-validated exceptions in batches.
    func route(_ exceptions: [NewException], now: () -> Date = Date.init) throws -> RoutingSummary {
        var summary = RoutingSummary()
        var start = 0
        while start < exceptions.count {
            let end = min(start + batchSize, exceptions.count)
            summary.merge(try service.ingest(Array(exceptions[start..<end]), now: now()))
            start = end
        }
        return summary
    }
}
