import Foundation
import PostgresNIO

/// Why a store URL cannot be used.
public struct PostgresLocationError: Error, CustomStringConvertible, Equatable {
    /// What is wrong, naming the part of the URL.
    public let description: String

    /// An error saying `description`.
    public init(description: String) {
        self.description = description
    }
}

/// Where a PostgreSQL store lives: `postgres://user:password@host:port/database?sslmode=…&schema=…&application_name=…`.
///
/// `sslmode` is `disable`, `prefer` or `require` (verified certificates); it defaults to `disable` on a loopback host
/// and to `require` elsewhere, so a database across the network is never reached in clear text by default. `schema`
/// sets the connection's `search_path`, which lets tests give each store its own schema in one database.
public struct PostgresLocation: Sendable, Equatable {
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to connect as.
    public var username: String
    /// The role's password, if the server asks for one.
    public var password: String?
    /// The database.
    public var database: String
    /// The schema to use instead of `public`, if any.
    public var schema: String?
    /// The TLS mode: `disable`, `prefer` or `require`.
    public var sslMode: String
    /// The name the server shows for these connections (`pg_stat_activity.application_name`).
    public var applicationName: String
    /// How long one store call may take before it fails (`call_timeout`, in seconds; default 30).
    public var callTimeout: Duration

    /// Whether `text` is meant as a PostgreSQL URL (`postgres://` or `postgresql://`) rather than a file path.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses a `postgres://` URL.
    public init(url text: String) throws(PostgresLocationError) {
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw PostgresLocationError(description: "not a postgres:// URL: \(Self.redact(text))")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresLocationError(description: "the URL names no host: \(Self.redact(text))")
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresLocationError(description: "the URL names no user (postgres://USER@host/db): \(Self.redact(text))")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else {
            throw PostgresLocationError(description: "the URL names no database (postgres://user@host/DB): \(Self.redact(text))")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(host)
        let mode = query["sslmode"] ?? (loopback ? "disable" : "require")
        guard ["disable", "prefer", "require"].contains(mode) else {
            throw PostgresLocationError(description: "sslmode must be disable, prefer or require, not \(mode)")
        }
        if let schema = query["schema"], !schema.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            throw PostgresLocationError(description: "schema may hold only letters, digits and _: \(schema)")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user
        self.password = components.password?.removingPercentEncoding
        self.database = database
        self.schema = query["schema"]
        self.sslMode = mode
        self.applicationName = query["application_name"] ?? "triage"
        guard let timeout = Double(query["call_timeout"] ?? "30"), timeout > 0 else {
            throw PostgresLocationError(description: "call_timeout must be a positive number of seconds")
        }
        self.callTimeout = .milliseconds(Int64(timeout * 1000))
    }

    /// The URL without its password, for logs and messages.
    public var redacted: String {
        let schemaPart = schema.map { "?schema=\($0)" } ?? ""
        return "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)\(schemaPart)"
    }

    /// The URL itself, password included, with the schema: for handing the location to a child process, never for
    /// printing.
    public var urlWithSchema: String {
        var components = URLComponents()
        components.scheme = "postgres"
        (components.host, components.port, components.user, components.password) = (host, port, username, password)
        components.path = "/" + database
        components.queryItems = [
            URLQueryItem(name: "sslmode", value: sslMode), URLQueryItem(name: "application_name", value: applicationName),
            URLQueryItem(name: "call_timeout", value: "\(Double(callTimeout.components.seconds))"),
        ]
            + (schema.map { [URLQueryItem(name: "schema", value: $0)] } ?? [])
        return components.string ?? redacted
    }

    /// The client configuration for PostgresNIO's pool, with at most `connections` connections.
    public func configuration(connections: Int) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch sslMode {
            case "require": .require(.makeClientConfiguration())
            case "prefer": .prefer(.makeClientConfiguration())
            default: .disable
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = connections
        configuration.options.additionalStartupParameters =
            [("application_name", applicationName)] + (schema.map { [("search_path", $0)] } ?? [])
        return configuration
    }

    /// One connection's configuration, for the start-up probe (``PostgresStore/withStore(_:existing:connections:logger:_:)``).
    func connectionConfiguration(timeout: Duration) -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch sslMode {
            case "require": .require(try! .init(configuration: .makeClientConfiguration()))  // default TLS settings always build
            case "prefer": .prefer(try! .init(configuration: .makeClientConfiguration()))
            default: .disable
            }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(Int64(timeout.components.seconds))
        configuration.options.additionalStartupParameters = [("application_name", applicationName)]
        return configuration
    }

    private static func redact(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "(unreadable URL)"
    }
}
