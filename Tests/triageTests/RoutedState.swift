import Foundation
import GRDB
import Logging
import PostgresNIO
import TriagePostgres

/// What routing wrote, read the same way from either store by plain SQL (one text line per row, `|` between
/// columns), so a test compares a SQLite file and a PostgreSQL schema line by line without going through the code
/// under test.
enum RoutedState {
    /// Per table, the statement whose rows describe it. Exceptions are named by (source, event id), never by the
    /// ids each store hands out.
    static let tables: [(name: String, sql: String)] = [
        ("cards", """
            SELECT e.source || '/' || e.event_id || '|' || c.kind || '|' || c.decision_type || '|' || c.status || '|'
              || c.team || '|' || c.title || '|' || c.summary || '|' || COALESCE(c.rule_id, '') || '|'
              || COALESCE(c.rule_mode, '') || '|' || COALESCE(c.plan, '') || '|'
              || COALESCE(CAST(c.amount_cents AS TEXT), '') || '|' || c.flags || '|' || c.details || '|'
              || COALESCE(c.order_number, '')
            FROM cards c JOIN exceptions e ON e.id = c.exception_id
            """),
        ("card_links", """
            SELECT e.source || '/' || e.event_id || ' joins ' || o.source || '/' || o.event_id
            FROM card_links l JOIN exceptions e ON e.id = l.exception_id JOIN cards c ON c.id = l.card_id
              JOIN exceptions o ON o.id = c.exception_id
            """),
        ("outbox", """
            SELECT o.target_system || '|' || o.message_type || '|' || o.payload || '|' || o.idempotency_key || '|'
              || o.state || '|' || e.source || '/' || e.event_id
            FROM outbox o JOIN exceptions e ON e.id = o.exception_id
            """),
        ("ai_jobs", """
            SELECT e.source || '/' || e.event_id || '|' || j.task || '|' || j.state
            FROM ai_jobs j JOIN exceptions e ON e.id = j.exception_id
            """),
        ("decisions", """
            SELECT e.source || '/' || e.event_id || '|' || d.actor || '|' || d.actor_kind || '|' || d.action || '|'
              || d.parameters || '|' || COALESCE(d.rule_id, '')
            FROM decisions d JOIN cards c ON c.id = d.card_id JOIN exceptions e ON e.id = c.exception_id
            """),
        ("orders", """
            SELECT order_number || '|' || status || '|' || COALESCE(postcode, '') || '|' || CAST(refunded_cents AS TEXT)
            FROM orders
            """),
        ("inventory", "SELECT sku || '|' || system || '|' || CAST(quantity AS TEXT) FROM inventory"),
        ("order_returns", "SELECT order_number || '|' || sku || '|' || CAST(qty AS TEXT) FROM order_returns"),
        ("exception_hours", """
            SELECT kind || '|' || source || '|' || CAST(CAST(hour AS BIGINT) AS TEXT) || '|' || CAST(count AS TEXT)
            FROM exception_hours
            """),
    ]

    /// Each table's lines, sorted, from a SQLite file.
    static func sqlite(_ path: String) throws -> [String: [String]] {
        try DatabaseQueue(path: path).read { db in
            var state: [String: [String]] = [:]
            for table in tables { state[table.name] = try String.fetchAll(db, sql: table.sql).sorted() }
            return state
        }
    }

    /// Each table's lines, sorted, from the PostgreSQL schema at `location`, read with a client of the test's own.
    static func postgres(_ location: PostgresLocation) async throws -> [String: [String]] {
        let lines = try await TestPostgres.lines(location, tables.map(\.sql))
        return Dictionary(uniqueKeysWithValues: zip(tables.map(\.name), lines.map { $0.sorted() }))
    }
}

/// Plain SQL on a PostgreSQL schema through a client of the test's own, not through the store under test.
enum TestPostgres {
    /// Runs each statement in turn; for each, its rows' first column as text (statements that return no rows give
    /// an empty list).
    static func lines(_ location: PostgresLocation, _ statements: [String]) async throws -> [[String]] {
        var logger = Logger(label: "test.postgres-client")
        logger.logLevel = .critical
        let client = PostgresClient(configuration: location.configuration(connections: 1), backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: [[String]]?.self) { group in
            group.addTask { await client.run(); return nil }
            var results: [[String]] = []
            for statement in statements {
                let rows = try await client.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                results.append(try await rows.collect().map { try $0.decode(String.self) })
            }
            group.cancelAll()
            return results
        }
    }
}
