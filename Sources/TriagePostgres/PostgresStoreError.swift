import PostgresNIO

/// A PostgreSQL failure worded for an operator: the server's message, detail, hint, SQLSTATE and the table, column or
/// constraint it names, or the client's error code. PostgresNIO prints every `PSQLError` as one generic sentence; its
/// debug text carries the query's bound values (customer text), which never reach a log, so neither is used.
public struct PostgresStoreError: Error, CustomStringConvertible {
    /// The readable text.
    public let description: String
    /// The server's SQLSTATE code (e.g. `40P01`, deadlock detected), when the server answered.
    public var sqlState: String? = nil

    /// `error` made readable when it is PostgresNIO's, else `error` itself.
    public static func readable(_ error: any Error) -> any Error {
        if let failed = error as? PostgresTransactionError {
            // The transaction's own error: the body's, else the commit's (a deferred constraint), else the begin's.
            let cause = failed.closureError ?? failed.commitError ?? failed.beginError ?? failed.rollbackError
            return cause.map(readable) ?? PostgresStoreError(description: "a PostgreSQL transaction failed")
        }
        if let error = error as? PostgresStoreError { return error }
        guard let error = error as? PSQLError else { return error }
        return PostgresStoreError(description: text(error), sqlState: error.serverInfo?[.sqlState])
    }

    private static func text(_ error: PSQLError) -> String {
        guard let info = error.serverInfo else {
            let underlying = error.underlying.map { ": \($0)" } ?? ""
            return "PostgreSQL client error \(error.code)\(underlying)"
        }
        let fields: [(String, PSQLError.ServerInfo.Field)] = [
            ("detail", .detail), ("hint", .hint), ("table", .tableName), ("column", .columnName),
            ("constraint", .constraintName), ("SQLSTATE", .sqlState),
        ]
        let extra = fields.compactMap { name, field in info[field].map { "\(name) \($0)" } }
        let message = info[.message] ?? "an error with no message"
        return "PostgreSQL said: \(message)" + (extra.isEmpty ? "" : " (" + extra.joined(separator: "; ") + ")")
    }
}
