import Foundation
import GRDB
import TriageCore

/// One card per order and cause. The cause is the exception kind and, where the exception names items (a return),
/// the items: a second request about an item already on an undecided card joins that card, while a return of
/// other items of the same order keeps its own card (joining it would leave those items undecided). Exceptions
/// that name no items join on order and kind alone.
struct CardJoin {
    let db: Database
    /// What this transaction already read; a fresh one for a single join.
    var memo = CardJoinMemo()

    /// The oldest undecided card about `orderNumber` of `kind` whose items overlap those of `record` (or either
    /// side names none), other than card `excluded`.
    func oldestOpenCard(like record: ExceptionRecord, orderNumber: String, excluding excluded: Int64?) throws -> Int64? {
        let cards = try memo.openCards(of: orderNumber, kind: record.exception.kind.rawValue, in: db)
            .filter { $0.id != excluded }
        guard let oldest = cards.first else { return nil }
        let lines = { try memo.lines(of: orderNumber, in: db) }
        let ours = try memo.requested.skus(of: record, orderNumber: orderNumber, lines: lines)
        // A request that names no items overlaps every card: the oldest is the one, and no other is read.
        if ours.isEmpty { return oldest.id }
        for card in cards {
            guard let theirs = try memo.exception(card.exceptionID, in: db) else { continue }
            if RequestedLines.overlap(ours, try memo.requested.skus(of: theirs, orderNumber: orderNumber, lines: lines)) {
                return card.id
            }
        }
        return nil
    }

    /// Records the order the worker matched on the card of exception `exceptionID`; when another undecided card about
    /// that order and cause exists (older or newer: a rule card can arrive while the worker reads the e-mail), this
    /// card joins it (`joined_to`; its exception shows in that card's history, and the exception keeps exactly one
    /// card) and the id of the card it joined is returned.
    func joinMatchedOrder(exceptionID: Int64, orderNumber: String, now: Date) throws -> Int64? {
        guard let cardID = try Int64.fetchOne(
            db, sql: "SELECT id FROM cards WHERE exception_id = ?", arguments: [exceptionID]),
            let record = try memo.exception(exceptionID, in: db)
        else { return nil }
        try db.execute(sql: "UPDATE cards SET order_number = ? WHERE id = ?", arguments: [orderNumber, cardID])
        guard let survivor = try oldestOpenCard(like: record, orderNumber: orderNumber, excluding: cardID)
        else { return nil }
        try db.execute(sql: "UPDATE cards SET updated_at = ? WHERE id = ?", arguments: [now.timeIntervalSince1970, survivor])
        try db.execute(
            sql: """
                UPDATE cards SET status = 'joined', joined_to = ?, updated_at = ?, summary = ? WHERE id = ?
                """, arguments: [survivor, now.timeIntervalSince1970, WorkerCardText.joined(survivor), cardID])
        return survivor
    }
}
