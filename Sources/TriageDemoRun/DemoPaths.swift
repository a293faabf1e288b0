import Foundation

/// The files one demo run writes.
public struct DemoPaths: Sendable {
    /// The folder that holds them all.
    public let folder: URL
    /// The SQLite database.
    public var database: URL { folder.appendingPathComponent("triage.sqlite") }
    /// The generated reference data and exceptions.
    public var data: URL { folder.appendingPathComponent("data") }
    /// The outbox's JSONL sink.
    public var outbox: URL { folder.appendingPathComponent("outbox.jsonl") }

    /// The paths below `folder`.
    public init(folder: URL) {
        self.folder = folder
    }

    /// Deletes what a previous run wrote, so every run starts from a fresh database.
    public func removePreviousRun() throws {
        let manager = FileManager.default
        for url in [database, outbox, data] + ["-wal", "-shm"].map({ URL(fileURLWithPath: database.path + $0) })
        where manager.fileExists(atPath: url.path) {
            try manager.removeItem(at: url)
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    }
}
