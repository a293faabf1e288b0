import Foundation
import TriageCore

/// Finds the purchase order an invoice bills, as an accounts-payable clerk does: the supplier's own POs looked for
/// in the text by their letters and digits (`PO# 4417302` is `PO-4417302`, `45 0001 9388` is `4500019388`,
/// `2026-OA-00153` is `2026/OA/00153`), whatever wording introduces them; when none is printed, the one open PO
/// of the supplier whose amount or lines the invoice matches.
struct PurchaseOrderFinder: Sendable {
    /// How a PO was found, for the card.
    enum Found: Sendable, Hashable {
        case printed(PurchaseOrder)
        case matched(PurchaseOrder, how: String)
    }

    let reference: any WorkerReference

    /// The supplier's PO the invoice names or matches; nil when the supplier is unknown or nothing fits one PO.
    func find(_ fields: InvoiceFields, text: String) async throws -> Found? {
        guard let supplier = fields.supplier else { return nil }
        let orders = try await reference.purchaseOrders(supplier: supplier.name)
        guard !orders.isEmpty else { return nil }
        let printed = Self.referenced(orders, in: text)
        if printed.count == 1, let po = printed.first { return .printed(po) }
        guard printed.isEmpty else { return nil }
        return Self.labelled(orders, in: text) ?? Self.matching(orders, fields)
    }

    /// The POs whose letters and digits appear in the text as a run of up to five adjacent pieces.
    static func referenced(_ orders: [PurchaseOrder], in text: String) -> [PurchaseOrder] {
        var byKey: [String: PurchaseOrder] = [:]
        for po in orders {
            for key in keys(po.poNumber) where key.count >= 4 { byKey[key] = po }
        }
        let runs = runKeys(text)
        var found: [String: PurchaseOrder] = [:]
        for run in runs { if let po = byKey[run] { found[po.poNumber] = po } }
        return found.values.sorted { $0.poNumber < $1.poNumber }
    }

    /// A PO number's key (upper-case letters and digits) and the same without a leading `PO`.
    static func keys(_ number: String) -> [String] {
        let key = TextKeys.idKey(number)
        return key.hasPrefix("PO") && key.count > 4 ? [key, String(key.dropFirst(2))] : [key]
    }

    /// The keys of every run of one to five adjacent alphanumeric pieces on a line, each piece one separator
    /// (a space, `-`, `/`, `.`, `#`, `:`) from the next.
    static func runKeys(_ text: String) -> Set<String> {
        var keys = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let pieces = pieces(of: Substring(line))
            for start in pieces.indices {
                var key = ""
                for index in start..<min(start + 5, pieces.count) {
                    if index > start, !pieces[index].adjacent { break }
                    key += pieces[index].key
                    keys.insert(key)
                    if key.hasPrefix("PO"), key.count > 2 { keys.insert(String(key.dropFirst(2))) }
                }
            }
        }
        return keys
    }

    private struct Piece {
        var key: String
        /// True when one separator character stands between this piece and the one before it.
        var adjacent: Bool
    }

    /// The line's alphanumeric runs, each marked adjacent when exactly one separator character precedes it.
    private static func pieces(of line: Substring) -> [Piece] {
        var pieces: [Piece] = []
        var current = ""
        var separator = ""
        for character in line {
            if character.isASCII, character.isLetter || character.isNumber {
                current.append(character)
                continue
            }
            if !current.isEmpty {
                pieces.append(Piece(key: current.uppercased(), adjacent: isJoin(separator)))
                (current, separator) = ("", "")
            }
            separator.append(character)
        }
        if !current.isEmpty { pieces.append(Piece(key: current.uppercased(), adjacent: isJoin(separator))) }
        return pieces
    }

    private static func isJoin(_ separator: String) -> Bool {
        separator.count == 1 && " -/.#:".contains(separator)
    }

    /// A labelled order reference written in another form than the PO's ("Vs. ordine 287/2026" for
    /// 2026/OA/00287, "Order Ref: 20417" for IE-PO-20417): the one PO of the supplier with the same digit groups.
    static func labelled(_ orders: [PurchaseOrder], in text: String) -> Found? {
        for reference in PurchaseOrderLabel.references(in: text) {
            let groups = PurchaseOrderLabel.digitGroups(reference)
            let fits = orders.filter { PurchaseOrderLabel.digitGroups($0.poNumber) == groups }
            if fits.count == 1, let po = fits.first {
                return .matched(po, how: "the order reference \(reference) has its numbers")
            }
        }
        return nil
    }

    /// With no PO printed: the one PO of the supplier whose total is the invoice's (before or after tax), else the
    /// one whose lines hold every SKU the invoice bills.
    static func matching(_ orders: [PurchaseOrder], _ fields: InvoiceFields) -> Found? {
        if let total = fields.total {
            let amounts = Set([total, total - (fields.tax ?? .zero), fields.lineSum].filter { $0 > .zero })
            let fits = orders.filter { amounts.contains($0.total) }
            if fits.count == 1, let po = fits.first { return .matched(po, how: "its total \(po.total) is the invoice's") }
        }
        let skus = Set(fields.lines.compactMap(\.sku).map(TextKeys.idKey))
        guard !skus.isEmpty else { return nil }
        let covering = orders.filter { skus.isSubset(of: Set($0.lines.map { TextKeys.idKey($0.sku) })) }
        guard covering.count == 1, let po = covering.first else { return nil }
        return .matched(po, how: "it orders every SKU the invoice bills")
    }
}
