import Foundation
import PostgresNIO
import TriageCore

/// Decodes `cards`, `decisions` and `users` rows for the review store, selected with these columns.
enum PostgresReviewRows {
    /// The card columns, qualified with `alias`, in ``CardColumns``' order.
    static func cardColumns(of alias: String) -> String {
        CardColumns.names.map { alias + "." + $0 }.joined(separator: ", ")
    }

    static let decisionColumns = DecisionColumns.names.joined(separator: ", ")
    static let userColumns = "id, name, role, team"

    /// The card in the row's columns from `offset` on.
    static func card(_ row: PostgresRow, offset: Int = 0) throws -> StoredCard {
        let cells = Cells(row: row, offset: offset)
        return try StoredCard(
            columns: CardColumns(
                id: try cells[0], exceptionID: try cells[1], kind: try cells[2], decisionType: try cells[3],
                status: try cells[4], team: try cells[5], title: try cells[6], summary: try cells[7],
                ruleID: try cells[8], ruleVersion: try cells[9], ruleMode: try cells[10], ruleAction: try cells[11],
                plan: try cells[12], amountCents: try cells[13], flags: try cells[14], details: try cells[15],
                suggestion: try cells[16], confidence: try cells[17], model: try cells[18],
                promptVersion: try cells[19], createdAt: try cells[20], updatedAt: try cells[21],
                resolvedAt: try cells[22], joinedTo: try cells[23]))
    }

    static func decision(_ row: PostgresRow) throws -> DecisionRecord {
        let cells = Cells(row: row, offset: 0)
        return try DecisionRecord(
            columns: DecisionColumns(
                id: try cells[0], cardID: try cells[1], actor: try cells[2], actorKind: try cells[3],
                action: try cells[4], parameters: try cells[5], editedFields: try cells[6],
                suggestedAction: try cells[7], reason: try cells[8], decidedAt: try cells[9],
                secondsToDecide: try cells[10], outcome: try cells[11], batchID: try cells[12]))
    }

    static func reviewer(_ row: PostgresRow) throws -> Reviewer {
        let (id, name, role, team) = try row.decode((Int64, String, String, String?).self)
        return Reviewer(id: id, name: name, role: ReviewerRole(rawValue: role) ?? .reviewer, team: team)
    }

    /// A row's cells by position from `offset`, each decoded to the type its use asks for.
    private struct Cells {
        let cells: PostgresRandomAccessRow
        let offset: Int

        init(row: PostgresRow, offset: Int) {
            (cells, self.offset) = (row.makeRandomAccess(), offset)
        }

        subscript<T: PostgresDecodable>(_ index: Int) -> T {
            get throws { try cells[offset + index].decode(T.self) }
        }
    }
}
