import Foundation
import GRDB
import TriageCore

extension AppDatabase {
    /// The stored exception with this id.
    public func exception(id: Int64) throws -> ExceptionRecord? {
        try writer.read { db in try ExceptionRows.fetch(db, id: id) }
    }

    /// The card with this id.
    public func card(id: Int64) throws -> StoredCard? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM cards WHERE id = ?", arguments: [id]).map(CardRows.card)
        }
    }

    /// The card written for an exception.
    public func card(exceptionID: Int64) throws -> StoredCard? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM cards WHERE exception_id = ?", arguments: [exceptionID])
                .map(CardRows.card)
        }
    }

    /// Cards, newest first, optionally only those in `statuses` and of `kind`.
    public func cards(statuses: [CardStatus] = [], kind: ExceptionKind? = nil, limit: Int = 100) throws -> [StoredCard] {
        try writer.read { db in
            var conditions: [SQL] = []
            if !statuses.isEmpty { conditions.append("status IN \(statuses.map(\.rawValue))") }
            if let kind { conditions.append("kind = \(kind.rawValue)") }
            let whereClause: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(operator: .and))"
            let request = SQLRequest<Row>("SELECT * FROM cards \(whereClause) ORDER BY id DESC LIMIT \(limit)")
            return try request.fetchAll(db).map(CardRows.card)
        }
    }

    /// Row counts of the main tables, for summaries and tests.
    public func counts() throws -> [String: Int] {
        let tables = [
            "exceptions", "cards", "decisions", "outbox", "ai_jobs", "orders", "customers", "products", "suppliers",
            "purchase_orders", "invoices", "payments", "shipments", "inventory", "card_links",
        ]
        return try writer.read { db in
            var result: [String: Int] = [:]
            for table in tables {
                result[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return result
        }
    }

    /// Cards per status, for summaries.
    public func cardCountsByStatus() throws -> [String: Int] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM cards GROUP BY status")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["status"] as String, $0["n"] as Int) })
        }
    }
}

/// Decodes exception rows.
enum ExceptionRows {
    /// The stored exception with this id, read on `db`.
    static func fetch(_ db: Database, id: Int64) throws -> ExceptionRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM exceptions WHERE id = ?"), arguments: [id]).map(record)
    }

    static func record(_ row: Row) throws -> ExceptionRecord {
        let payloadText: String = row["payload"]
        let payload = try JSONParser.object(payloadText)
        let exception = NewException(
            source: row["source"], eventID: row["event_id"],
            kind: ExceptionKind(rawValue: row["kind"]) ?? .integrationFailure, reason: row["reason"],
            occurredAt: Date(timeIntervalSince1970: row["occurred_at"]), orderNumber: row["order_number"],
            handlingMinutes: row["handling_minutes"], text: row["text"], payload: payload)
        return ExceptionRecord(
            id: row["id"], exception: exception, receivedAt: Date(timeIntervalSince1970: row["received_at"]))
    }
}

/// Decodes card rows.
enum CardRows {
    static func card(_ row: Row) throws -> StoredCard {
        try StoredCard(
            columns: CardColumns(
                id: row["id"], exceptionID: row["exception_id"], kind: row["kind"], decisionType: row["decision_type"],
                status: row["status"], team: row["team"], title: row["title"], summary: row["summary"],
                ruleID: row["rule_id"], ruleVersion: row["rule_version"], ruleMode: row["rule_mode"],
                ruleAction: row["rule_action"], plan: row["plan"], amountCents: row["amount_cents"], flags: row["flags"],
                details: row["details"], suggestion: row["suggestion"], confidence: row["confidence"],
                model: row["model"], promptVersion: row["prompt_version"], createdAt: row["created_at"],
                updatedAt: row["updated_at"], resolvedAt: row["resolved_at"], joinedTo: row["joined_to"]))
    }
}
