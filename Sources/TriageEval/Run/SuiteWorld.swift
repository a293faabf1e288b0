import Foundation
import TriageCore

/// A fresh store holding one suite's fixtures: the reference data the worker reads, and the exception log the
/// cases are stored in the way production stores an exception.
///
/// The executable builds it from the real SQLite store and its fixture loader; tests may do the same.
public protocol SuiteWorld: Sendable {
    /// The reference data the worker builds context from.
    var reference: any WorkerReference { get }
    /// Stores an exception and returns the stored record, as ingest would.
    func store(_ exception: NewException, receivedAt: Date) async throws -> ExceptionRecord
}

/// Builds a fresh ``SuiteWorld`` loaded with a suite's fixtures; fixture problems are ``SuiteError``s.
public typealias SuiteWorldFactory = @Sendable (Suite) async throws -> any SuiteWorld
