import Foundation
import TriageCore
import TriageEval
import TriageStore
import TriageWorker

/// A fresh in-memory SQLite store per run, loaded with the suite's fixtures by the production loader: how
/// `triage eval run` and the eval tests give the worker its reference data.
public struct StoreSuiteWorld: SuiteWorld {
    /// The run's own database.
    public let database: AppDatabase
    /// The database as the worker reads it.
    public var reference: any WorkerReference { database }

    /// A world for `suite`; a fixture record the loader rejects fails the run, naming file, line and field.
    @Sendable public static func make(_ suite: Suite) async throws -> any SuiteWorld {
        let database = try AppDatabase.inMemory()
        let loader = ReferenceLoader(database: database)
        for kind in FixtureKind.loadOrder {
            guard let url = suite.fixtures[kind] else { continue }
            let result = try loader.load(file: url, as: kind.fileName)
            if let problem = result.errors.first {
                throw SuiteError(file: url.path, line: problem.line, field: problem.field, message: problem.message)
            }
        }
        return StoreSuiteWorld(database: database)
    }

    /// Stores a case's exception; a case whose event is already stored is a suite error.
    public func store(_ exception: NewException, receivedAt: Date) async throws -> ExceptionRecord {
        let stored = try await database.routingTransaction { try $0.insert(exception, receivedAt: receivedAt) }
        guard let stored else { throw DuplicateCaseError(eventID: exception.eventID) }
        return stored
    }
}

/// A case whose exception is already in the run's exception log (two cases with one event id).
public struct DuplicateCaseError: Error, CustomStringConvertible {
    /// The repeated event id.
    public let eventID: String

    /// A message naming the case.
    public var description: String { "case \(eventID) is already in the exception log" }
}
