import Foundation
import TriageCore

/// An order scored against a return request.
struct ScoredOrder: Sendable {
    let order: Order
    let score: Double
    let reasons: [String]
}

/// Scores candidate orders against a return request from checkable signals, each with a reason.
///
/// Weights are additive and the sum is clamped to 0…1; a contradiction (another surname, another postcode, a
/// refund above the order total) subtracts, so a namesake does not outscore the customer.
struct CandidateScorer: Sendable {
    let request: ReturnRequest

    /// Scores every order placed before the request, best first.
    func rank(_ orders: [Order]) -> [ScoredOrder] {
        orders.filter { $0.placedAt <= request.received.addingTimeInterval(86_400) }
            .map(score)
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.order.placedAt > $1.order.placedAt }
    }

    func score(_ order: Order) -> ScoredOrder {
        var signals = Signals()
        contact(order, &signals)
        name(order, &signals)
        address(order, &signals)
        goods(order, &signals)
        amount(order, &signals)
        timing(order, &signals)
        return ScoredOrder(order: order, score: signals.total, reasons: signals.reasons)
    }

    private func contact(_ order: Order, _ s: inout Signals) {
        if let email = request.email, let theirs = order.customer.email?.lowercased() {
            if email == theirs { s.add(0.40, "email matches") }
        }
        if let phone = request.phoneDigits, phone.count >= 7, let theirs = order.customer.phone?.filter(\.isWholeNumber),
            phone.suffix(10) == theirs.suffix(10)
        {
            s.add(0.25, "phone matches")
        }
    }

    private func name(_ order: Order, _ s: inout Signals) {
        guard let written = request.name, let theirs = NameParts(order.customer.name) else { return }
        let theirGiven = theirs.given.first ?? ""
        if let family = written.family, let theirFamily = theirs.family {
            if family == theirFamily {
                s.add(0.25, "surname matches")
            } else if TextFolding.isTypo(family, theirFamily) {
                s.add(0.18, "surname close to \(theirs.family ?? "")")
            } else {
                s.add(-0.30, "surname differs")
            }
            guard let given = written.given.first else { return }
            if NameParts.givenMatches(given, theirGiven) {
                s.add(0.10, "first name fits")
            } else {
                s.add(-0.05, "first name differs")
            }
        } else if let only = written.given.first {
            if NameParts.givenMatches(only, theirGiven) || only == theirs.family { s.add(0.10, "name fits") }
        }
    }

    private func address(_ order: Order, _ s: inout Signals) {
        guard let theirs = order.customer.address else { return }
        if let postcode = request.postcode.map(TextFolding.idKey), let their = theirs.postcode.map(TextFolding.idKey) {
            if postcode == their { s.add(0.20, "postcode matches") } else { s.add(-0.10, "postcode differs") }
        }
        if let line1 = request.line1, let their = theirs.line1,
            TextFolding.nameKey(line1) == TextFolding.nameKey(their)
        {
            s.add(0.10, "street matches")
        }
        if let city = theirs.city, !city.isEmpty {
            let cityKey = TextFolding.words(city).joined(separator: " ")
            let written = request.city.map { TextFolding.words($0).joined(separator: " ") }
            let inText = " \(TextFolding.words(request.text).joined(separator: " ")) ".contains(" \(cityKey) ")
            if written == cityKey || inText { s.add(0.08, "city \(city) matches") }
        }
    }

    private func goods(_ order: Order, _ s: inout Signals) {
        let skus = Set(request.skus)
        if !skus.isEmpty {
            let onOrder = order.lines.filter { skus.contains($0.sku.uppercased()) }
            if let line = onOrder.first { s.add(0.20, "SKU \(line.sku) on order") } else { s.add(-0.10, "SKU not on order") }
        }
        let wanted = request.goodsTokens
        let best = order.lines.map { line -> (Int, String) in
            (TextFolding.contentTokens(line.description).intersection(wanted).count, line.description)
        }.max { $0.0 < $1.0 }
        if let best, best.0 > 0 {
            s.add(0.075 * Double(min(best.0, 2)), "item fits \"\(best.1)\"")
        }
    }

    private func amount(_ order: Order, _ s: inout Signals) {
        if let currency = request.currency, currency != order.currency.uppercased() {
            s.add(-0.10, "currency differs")
        }
        guard let refund = request.refund else { return }
        if refund.cents > order.total.cents + 100 {
            s.add(-0.20, "refund above order total")
            return
        }
        let near = { (money: Money) in abs(money.cents - refund.cents) <= 100 }
        let lineTotals = order.lines.flatMap { line in (1...max(line.qty, 1)).map { line.unitPrice * $0 } }
        if near(order.total) || lineTotals.contains(where: near) { s.add(0.10, "refund fits order amounts") }
    }

    private func timing(_ order: Order, _ s: inout Signals) {
        guard let window = request.purchaseWindow else { return }
        if window.contains(order.placedAt) { s.add(0.08, "order date fits") } else { s.add(-0.05, "order date off") }
    }
}

/// A running sum of weighted signals and their reasons.
struct Signals {
    var total = 0.0
    var reasons: [String] = []

    mutating func add(_ weight: Double, _ reason: String) {
        total += weight
        reasons.append(reason)
    }
}
