import ArgumentParser
import Foundation
import TriageCore

/// An error the command line prints as it is, without a stack or internals, with the exit status the README's
/// table gives it.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    let status: ExitStatus

    /// The command ran (or tried to) and something needs a person: exit 1.
    init(_ description: String) {
        self.init(description, status: .needsAttention)
    }

    init(_ description: String, status: ExitStatus) {
        self.description = description
        self.status = status
    }

    /// A reviewer's request the store refused: a request that does not fit the card (an unknown action, a
    /// parameter out of bounds) is bad input; a card that is locked, decided or missing needs a person.
    init(_ refusal: ReviewError) {
        if case .invalid = refusal {
            self.init(refusal.description, status: .badInput)
        } else {
            self.init(refusal.description, status: .needsAttention)
        }
    }

    /// The command line itself is wrong and changing it fixes it: exit 2.
    static func badInput(_ description: String) -> CLIError {
        CLIError(description, status: .badInput)
    }
}

/// The one rule every command exits by (README, "Exit codes").
enum ExitStatus: Int32, Sendable {
    /// Done.
    case done = 0
    /// The command ran and something needs a person: records rejected, messages failed, jobs dead, a store that
    /// cannot be reached, an id or name that is not in the store.
    case needsAttention = 1
    /// Bad input, fixed by changing the command: an unknown command, flag or value, a file or folder that is
    /// missing or has errors, flags that do not go together, a store the command does not work on.
    case badInput = 2

    /// The exit status and the plain message for an error this program raised; nil for errors ArgumentParser
    /// reports itself (help, usage, its own exit codes).
    static func of(_ error: any Error) -> (status: Int32, message: String?)? {
        switch error {
        case let failure as CLIError:
            return (failure.status.rawValue, failure.description)
        case let file as CocoaError where file.filePath != nil:
            return (ExitStatus.badInput.rawValue, FileErrorText.describe(file))
        default:
            // Usage and validation errors exit 2 like every other bad input (ArgumentParser's default is 64).
            guard !(error is ExitCode), Triage.exitCode(for: error) == .validationFailure else { return nil }
            return (ExitStatus.badInput.rawValue, Triage.fullMessage(for: error))
        }
    }
}
