import Foundation
import TriageCore

/// Finds the amount payable of a document: the most strongly labelled total (payable > including tax > total >
/// amount > subtotal, the later line on a tie), unless another total is confirmed by the money that changed hands
/// (tendered − change) or by the billed lines (+ tax), which then wins. See docs/decisions.md, "The amount payable".
enum InvoiceTotal {
    /// A labelled total on one line.
    struct Candidate: Sendable {
        var amount: Money
        var rank: Int
        var line: Int
    }

    /// The amount payable and the line it was read from; nil when no total is labelled and no payment confirms one.
    static func find(_ lines: [AmountLine], lineSums: [Money] = []) -> (amount: Money, line: Int)? {
        let candidates = Self.candidates(lines)
        let ranked = candidates.sorted { $0.rank != $1.rank ? $0.rank > $1.rank : $0.line > $1.line }
        if let paid = Self.paid(lines), let confirmed = ranked.first(where: { $0.amount == paid }) {
            return (confirmed.amount, confirmed.line)
        }
        // The billed lines confirm a total unless a total as strongly labelled comes after it: freight, tax or a
        // deposit was added or taken off below the sum of the lines.
        if let confirmed = ranked.first(where: { candidate in
            lineSums.contains(candidate.amount)
                && !candidates.contains { $0.line > candidate.line && $0.rank >= candidate.rank && $0.amount != candidate.amount }
        }) {
            return (confirmed.amount, confirmed.line)
        }
        if let best = ranked.first { return (best.amount, best.line) }
        guard let paid = Self.paid(lines), let line = lines.first(where: { $0.amounts.contains(paid) }) else {
            return nil
        }
        return (paid, line.index)
    }

    /// Lines whose label names a total and that carry one amount (or repeat it); a label alone takes the amount of
    /// the next line when that line has no words of its own but a currency.
    static func candidates(_ lines: [AmountLine]) -> [Candidate] {
        var found: [Candidate] = []
        for (position, line) in lines.enumerated() {
            let label = AmountLabel(line.words)
            var amounts = line.distinctAmounts
            // "TOTAL:  10,000  USD20,560.00": the pieces counted beside the money.
            let money = Set(line.moneyAmounts)
            if amounts.count > 1, money.count == 1 { amounts = Array(money) }
            if amounts.isEmpty, label.rank != nil, position + 1 < lines.count {
                let next = lines[position + 1]
                if AmountLabel(next.words) == .other, next.words.allSatisfy(currencyWords.contains) {
                    amounts = next.distinctAmounts
                }
            }
            guard amounts.count == 1, let amount = amounts.first, amount > .zero else { continue }
            if let rank = label.rank {
                found.append(Candidate(amount: amount, rank: rank, line: line.index))
            } else if label == .other, line.words.contains(where: AmountLabel.isTotalWord),
                line.amounts.count > money.count || !Set(line.words).isDisjoint(with: AmountLabel.countWords),
                !line.words.contains(where: { AmountLabel.otherWords.contains($0) && !AmountLabel.countWords.contains($0) })
            {
                // "TOTAL:  350 CTNS  4,200 PCS  USD21,570.00": a total line that also counts the goods.
                found.append(Candidate(amount: amount, rank: AmountLabel.total.rank!, line: line.index))
            } else if label == .adjustment, amount.cents >= 100, !line.words.contains(where: AmountLabel.adjustmentWords.contains) {
                found.append(Candidate(amount: amount, rank: 5, line: line.index))
            }
        }
        return found
    }

    private static let currencyWords: Set<String> = ["rm", "myr", "usd", "eur", "gbp", "sgd", "aud", "cad", "chf"]

    /// What the customer paid: the first tendered amount minus the change given, when both are printed.
    static func paid(_ lines: [AmountLine]) -> Money? {
        let labelled = lines.map { (AmountLabel($0.words), $0) }
        guard let tendered = labelled.first(where: { $0.0 == .tendered && !$0.1.amounts.isEmpty })?.1.amounts.last,
            let change = labelled.first(where: { $0.0 == .change && !$0.1.amounts.isEmpty })?.1.amounts.last,
            tendered >= change
        else { return nil }
        return tendered - change
    }
}
