import Foundation

/// The endpoints of `outbox.yaml`: one URL per system, with headers whose values come from environment variables.
public struct OutboxConfiguration: Sendable, Hashable {
    /// The file it was read from, as given.
    public var file: String
    /// The endpoint per system.
    public var endpoints: [String: OutboxEndpoint]

    /// Creates a configuration.
    public init(file: String, endpoints: [String: OutboxEndpoint]) {
        self.file = file
        self.endpoints = endpoints
    }

    /// Reads and validates `path`; header values are looked up in `environment`.
    public static func load(path: String, environment: [String: String]) throws(OutboxConfigurationError) -> Self {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw OutboxConfigurationError(
                file: path,
                problems: [
                    .init(file: path, line: 1, column: 1, message: "cannot read the outbox configuration: \(path)")
                ])
        }
        return try parse(yaml: text, file: path, environment: environment)
    }

    /// Validates `outbox.yaml` text; `file` names it in messages.
    public static func parse(
        yaml: String, file: String, environment: [String: String]
    ) throws(OutboxConfigurationError) -> Self {
        var parser = OutboxConfigurationParser(file: file, environment: environment)
        let endpoints = parser.parse(yaml: yaml)
        guard parser.problems.isEmpty else {
            let ordered = parser.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            throw OutboxConfigurationError(file: file, problems: ordered)
        }
        return Self(file: file, endpoints: endpoints)
    }
}

/// One problem in `outbox.yaml`, with where it is.
public struct OutboxConfigurationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file's name as given.
    public let file: String
    /// The line, from 1.
    public let line: Int
    /// The column, from 1.
    public let column: Int
    /// What is wrong, naming the field, e.g. `systems.erp.url: missing field "url"`.
    public let message: String

    /// `file:line:column: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// An `outbox.yaml` that cannot be used, with every problem found in it, in file order.
public struct OutboxConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name as given.
    public let file: String
    /// Every problem; never empty.
    public let problems: [OutboxConfigurationProblem]

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
