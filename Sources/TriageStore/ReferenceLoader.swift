import Foundation
import GRDB
import TriageCore

/// Loads reference data from a fixture folder in the eval-suite fixture format into a SQLite database, synchronously
/// (the demo, the benchmarks and tests); files are read by ``ReferenceFiles`` and written as ``ReferenceWriting``
/// writes them, so `triage load` on either store reads and stores the same.
public struct ReferenceLoader: Sendable {
    /// The fixture files read, in load order.
    public static let files = ReferenceFiles.names

    let database: AppDatabase

    /// Creates a loader writing into `database`.
    public init(database: AppDatabase) { self.database = database }

    /// Loads every known file present in `directory`.
    public func load(directory: URL) throws -> [FileLoadResult] {
        try ReferenceFiles.present(in: directory).map { try load(file: $0) }
    }

    /// Loads one fixture file, choosing the record type by its name.
    public func load(file url: URL, as name: String? = nil) throws -> FileLoadResult {
        let (batch, errors) = try ReferenceFiles.read(url, as: name)
        if let batch { try database.writer.write { db in try ReferenceWriter.write(batch, db: db) } }
        return FileLoadResult(file: url.lastPathComponent, loaded: batch?.count ?? 0, errors: errors)
    }
}

extension AppDatabase: ReferenceWriting {
    public func storeReference(_ batch: ReferenceBatch) async throws {
        try await writer.write { db in try ReferenceWriter.write(batch, db: db) }
    }
}
