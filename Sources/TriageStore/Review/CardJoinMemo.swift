import Foundation
import GRDB
import TriageCore

/// What a routing transaction has already read for joining cards: the lines of each order, the exceptions it stored,
/// and the SKUs each exception asks about. None of them changes within the transaction, so a batch of thousands of
/// exceptions about a few hundred orders reads each order's lines once and decodes no exception it stored itself.
final class CardJoinMemo {
    private var lines: [String: [OrderLine]] = [:]
    private var stored: [Int64: ExceptionRecord] = [:]
    /// The SKUs each exception asks about, per order.
    let requested = RequestedLines.Memo()

    /// Remembers an exception this transaction stored.
    func remember(_ record: ExceptionRecord) {
        stored[record.id] = record
    }

    /// The lines of order `number`, read once.
    func lines(of number: String, in db: Database) throws -> [OrderLine] {
        if let known = lines[number] { return known }
        let read = try OrderRow.fetch(db, number: number)?.lines ?? []
        lines[number] = read
        return read
    }

    /// Exception `id`: from memory when this transaction stored it, else read.
    func exception(_ id: Int64, in db: Database) throws -> ExceptionRecord? {
        if let record = stored[id] { return record }
        let statement = try db.cachedStatement(sql: "SELECT * FROM exceptions WHERE id = ?")
        return try Row.fetchOne(statement, arguments: [id]).map(ExceptionRows.record)
    }
}
