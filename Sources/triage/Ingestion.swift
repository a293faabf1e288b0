import Foundation
import TriageCore
import TriageRules

/// What ingesting one file did.
struct IngestOutcome {
    /// The routing counts.
    var summary = RoutingSummary()
    /// Every rejected record, with file, line and field.
    var rejected: [RejectedRecord] = []
    /// Records read; always stored + duplicates + rejected.
    var rowsRead = 0
}

/// Reads an exception file and routes its valid records in batches, one transaction a batch.
///
/// JSON Lines files are parsed a batch ahead on another core while the current batch is stored and routed,
/// so parsing costs no wall time on a machine with two cores.
struct Ingestion {
    let service: RoutingService
    var batchSize = 5_000

    /// Reads, validates and routes a JSONL or CSV file. A bad record rejects that record only.
    func ingest(file url: URL, now: @escaping @Sendable () -> Date = Date.init) async throws -> IngestOutcome {
        let data = try Data(contentsOf: url)
        let name = url.lastPathComponent
        guard url.pathExtension.lowercased() != "csv" else {
            let file = ExceptionFileReader.readCSV(String(decoding: data, as: UTF8.self), fileName: name)
            return IngestOutcome(
                summary: try route(file.exceptions.map(\.exception), now: now), rejected: file.rejected,
                rowsRead: file.rowsRead)
        }
        let chunks = JSONLinesReader.chunks(of: data, lines: batchSize)
        var outcome = IngestOutcome()
        var next = chunks.first.map { chunk in Task.detached { Self.parse(chunk, fileName: name) } }
        for index in chunks.indices {
            guard let parsing = next else { break }
            let file = await parsing.value
            let following = index + 1 < chunks.count ? chunks[index + 1] : nil
            next = following.map { chunk in Task.detached { Self.parse(chunk, fileName: name) } }
            outcome.rejected += file.rejected
            outcome.rowsRead += file.rowsRead
            outcome.summary.merge(try service.ingest(file.exceptions.map(\.exception), now: now()))
        }
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

    private static func parse(_ chunk: (firstLine: Int, data: Data), fileName: String) -> ExceptionFile {
        ExceptionFileReader.readJSONLines(chunk.data, fileName: fileName, firstLine: chunk.firstLine)
    }
}
