import Foundation
import TriageCore

/// What ingesting one file did.
public struct IngestOutcome: Sendable {
    /// The routing counts.
    public var summary = RoutingSummary()
    /// Every rejected record, with file, line and field.
    public var rejected: [RejectedRecord] = []
    /// Records read; always stored + duplicates + rejected.
    public var rowsRead = 0

    /// An empty outcome.
    public init() {}

    /// An outcome with these counts.
    public init(summary: RoutingSummary, rejected: [RejectedRecord], rowsRead: Int) {
        self.summary = summary
        self.rejected = rejected
        self.rowsRead = rowsRead
    }
}

/// Reads an exception file and routes its valid records in batches, one transaction a batch.
///
/// JSON Lines files are parsed a batch ahead on another core while the current batch is stored and routed,
/// so parsing costs no wall time on a machine with two cores; the first batches are small, so routing starts at once.
public struct Ingestion: Sendable {
    /// Routes and stores each batch.
    public let service: RoutingService
    /// Records per batch (and per transaction).
    public var batchSize = 5_000

    /// Creates an ingestion over `service`.
    public init(service: RoutingService, batchSize: Int = 5_000) {
        self.service = service
        self.batchSize = batchSize
    }

    /// Reads, validates and routes a JSONL or CSV file. A bad record rejects that record only.
    public func ingest(file url: URL, now: @escaping @Sendable () -> Date = Date.init) async throws -> IngestOutcome {
        let data = try Data(contentsOf: url)
        let name = url.lastPathComponent
        guard url.pathExtension.lowercased() != "csv" else {
            let file = ExceptionFileReader.readCSV(data, fileName: name)
            return IngestOutcome(
                summary: try await route(file.exceptions.map(\.exception), now: now), rejected: file.rejected,
                rowsRead: file.rowsRead)
        }
        // Small batches first: routing starts after a few hundred lines are parsed, not a whole batch, and each next
        // batch (twice the last) is parsed while the one before routes.
        let chunks = JSONLinesReader.chunks(of: data, lines: batchSize, startingWith: batchSize / 16)
        var outcome = IngestOutcome()
        var next = chunks.first.map { chunk in Task.detached { Self.parse(chunk, fileName: name) } }
        for index in chunks.indices {
            guard let parsing = next else { break }
            let file = await parsing.value
            let following = index + 1 < chunks.count ? chunks[index + 1] : nil
            next = following.map { chunk in Task.detached { Self.parse(chunk, fileName: name) } }
            outcome.rejected += file.rejected
            outcome.rowsRead += file.rowsRead
            outcome.summary.merge(try await service.ingest(file.exceptions.map(\.exception), now: now()))
        }
        return outcome
    }

    /// Routes already-validated exceptions in batches.
    public func route(_ exceptions: [NewException], now: () -> Date = Date.init) async throws -> RoutingSummary {
        var summary = RoutingSummary()
        var start = 0
        while start < exceptions.count {
            let end = min(start + batchSize, exceptions.count)
            summary.merge(try await service.ingest(Array(exceptions[start..<end]), now: now()))
            start = end
        }
        return summary
    }

    /// Parses a chunk and writes each payload's stored text, on the parsing core.
    private static func parse(_ chunk: (firstLine: Int, data: Data), fileName: String) -> ExceptionFile {
        var file = ExceptionFileReader.readJSONLines(chunk.data, fileName: fileName, firstLine: chunk.firstLine)
        for index in file.exceptions.indices { file.exceptions[index].exception.preparePayloadText() }
        return file
    }
}
