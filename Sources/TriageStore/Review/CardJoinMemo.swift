import Foundation
import GRDB
import TriageCore

/// What a routing transaction has already read for joining cards: each order's undecided cards and lines, the
/// exceptions it stored, and the SKUs each exception asks about. Within one transaction on SQLite's single writer only
/// this transaction changes them, and routing only adds cards, so a batch of thousands of exceptions about a few
/// hundred orders reads each order's cards and lines once and decodes no exception it stored itself.
final class CardJoinMemo {
    /// An undecided card, as the join compares it.
    struct OpenCard {
        let id: Int64
        let exceptionID: Int64
        let kind: String
    }

    /// `CardStatus.joinable` as an SQL list.
    private static let joinableStatuses = CardStatus.joinable.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    private var openCards: [String: [OpenCard]] = [:]
    private var lines: [String: [OrderLine]] = [:]
    private var stored: [Int64: ExceptionRecord] = [:]
    private var changed: [Int64: Double] = [:]
    /// The SKUs each exception asks about, per order.
    let requested = RequestedLines.Memo()

    /// Remembers an exception this transaction stored.
    func remember(_ record: ExceptionRecord) {
        stored[record.id] = record
    }

    /// Reads the undecided cards of these orders, a few hundred orders per statement. The `+` keeps SQLite from
    /// choosing the status index for a long list of orders: that scans every undecided card in the store (a cost
    /// that grew with the store: 4 % of all routing time at 100,000 exceptions), where the order index reads only
    /// these orders' cards.
    func readOpenCards(of numbers: Set<String>, in db: Database) throws {
        let wanted = numbers.filter { openCards[$0] == nil }.sorted()
        for start in stride(from: 0, to: wanted.count, by: 500) {
            let chunk = Array(wanted[start..<min(start + 500, wanted.count)])
            for number in chunk { openCards[number] = [] }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, exception_id, kind, order_number FROM cards
                    WHERE order_number IN (\(databaseQuestionMarks(count: chunk.count)))
                      AND +status IN (\(Self.joinableStatuses))
                    ORDER BY id
                    """, arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                openCards[row[3], default: []].append(OpenCard(id: row[0], exceptionID: row[1], kind: row[2]))
            }
        }
    }

    /// The undecided cards of order `number` of `kind`, oldest first.
    func openCards(of number: String, kind: String, in db: Database) throws -> [OpenCard] {
        if openCards[number] == nil { try readOpenCards(of: [number], in: db) }
        return openCards[number, default: []].filter { $0.kind == kind }
    }

    /// Notes a card this transaction wrote, so later exceptions about its order can join it.
    func wrote(_ card: NewCard, id: Int64) {
        guard CardStatus.joinable.contains(card.status), let number = card.details["order_number"]?.text,
            openCards[number] != nil
        else { return }
        openCards[number, default: []].append(OpenCard(id: id, exceptionID: card.exceptionID, kind: card.kind.rawValue))
    }

    /// Joins an exception to a card as its history. The card is marked as changed when the transaction ends
    /// (`markChangedCards`): a batch often joins many exceptions to one card, and rewriting its row each time cost more
    /// than the join.
    func link(exceptionID: Int64, toCard cardID: Int64, at date: Date, in db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT INTO card_links (exception_id, card_id, linked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
        ).execute(arguments: [exceptionID, cardID, date.timeIntervalSince1970])
        changed[cardID] = max(changed[cardID] ?? 0, date.timeIntervalSince1970)
    }

    /// Sets `updated_at` on every card `link` joined an exception to.
    func markChangedCards(in db: Database) throws {
        let statement = try db.cachedStatement(sql: "UPDATE cards SET updated_at = ? WHERE id = ?")
        for (cardID, time) in changed.sorted(by: { $0.key < $1.key }) {
            try statement.execute(arguments: [time, cardID])
        }
        changed = [:]
    }

    /// The lines of order `number`, read once.
    func lines(of number: String, in db: Database) throws -> [OrderLine] {
        if let known = lines[number] { return known }
        let read = try OrderRow.lines(db, orderNumber: number)
        lines[number] = read
        return read
    }

    /// Exception `id`: from memory when this transaction stored it, else read.
    func exception(_ id: Int64, in db: Database) throws -> ExceptionRecord? {
        if let record = stored[id] { return record }
        return try ExceptionRows.fetch(db, id: id)
    }
}
