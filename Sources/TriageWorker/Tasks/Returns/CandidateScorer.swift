import Foundation
import TriageCore

/// An order scored against a return request.
struct ScoredOrder: Sendable {
    let order: Order
    let score: Double
    let reasons: [String]
    /// The fact that rules this order out (another customer, goods it does not hold, placed outside the stated
    /// month), nil when it is consistent with everything the request says.
    let ruledOut: String?
    /// How many independent kinds of evidence support it (contact, name, goods, amount, date, place).
    let supports: Int
    /// True when the customer is recognised on it, by name or by contact: goods, place and amount alone may be
    /// another customer's purchase of the same things.
    var identified = true
    /// True when the goods the customer names are recognised on it (by catalogue name, SKU or word overlap).
    var goodsFit = true
    /// A fact of the request the order does not fit, read perhaps wrongly (a name in a signature, a paraphrased
    /// product, a half-remembered month): it lowers the score and the confidence instead of losing the order.
    var doubt: String? = nil
}

/// Scores candidate orders against a return request from checkable signals, each with a reason, and rules out
/// the orders that contradict hard evidence.
struct CandidateScorer: Sendable {
    let request: ReturnRequest

    /// Scores every order placed before the request, consistent ones first, best first.
    func rank(_ orders: [Order]) -> [ScoredOrder] {
        orders.filter { $0.placedAt <= request.received.addingTimeInterval(86_400) }
            .map(score)
            .sorted { a, b in
                if (a.ruledOut == nil) != (b.ruledOut == nil) { return a.ruledOut == nil }
                return a.score != b.score ? a.score > b.score : a.order.placedAt > b.order.placedAt
            }
    }

    func score(_ order: Order) -> ScoredOrder {
        var signals = Signals()
        contact(order, &signals)
        delivery(order, &signals)
        name(order, &signals)
        address(order, &signals)
        goods(order, &signals)
        amount(order, &signals)
        timing(order, &signals)
        return ScoredOrder(
            order: order, score: signals.total, reasons: signals.reasons, ruledOut: signals.ruledOut,
            supports: signals.kinds.count, identified: !signals.kinds.isDisjoint(with: ["name", "contact"]),
            goodsFit: signals.kinds.contains("goods"),
            doubt: signals.ruledOut == nil ? signals.doubts.first : nil)
    }

    private func contact(_ order: Order, _ s: inout Signals) {
        if let email = request.email, let theirs = order.customer.email?.lowercased(), email == theirs {
            s.add(0.40, "email matches", kind: "contact")
        }
        if let phone = request.phoneDigits, phone.count >= 7, let theirs = order.customer.phone?.filter(\.isWholeNumber),
            phone.suffix(10) == theirs.suffix(10)
        {
            s.add(0.25, "phone matches", kind: "contact")
        }
    }

    /// Goods cannot come back before they arrived: an order held, cancelled or delivered after the request is
    /// ruled out.
    private func delivery(_ order: Order, _ s: inout Signals) {
        if Self.undelivered.contains(order.status.lowercased()) {
            return s.contradict("not delivered (\(order.status))", hard: true)
        }
        if let delivered = order.deliveredAt, delivered > request.received.addingTimeInterval(86_400) {
            s.contradict("delivered \(ISODate.formatDay(delivered)), after the request", hard: true)
        }
    }

    /// Order states in which nothing has reached the customer.
    static let undelivered: Set<String> = [
        "address_hold", "on_hold", "hold", "pending", "processing", "unfulfilled", "cancelled", "canceled",
        "payment_pending", "awaiting_payment",
    ]

    private func name(_ order: Order, _ s: inout Signals) {
        var fit = request.name.map { NameFit.assess($0, against: order.customer.name) }
            ?? NameFit.search(request.wordsBesideGoods, for: order.customer.name)
        // Another name the message gives may be the customer's ("on behalf of Charles Sheldon", "Mr Murdock").
        if case .fits = fit {} else {
            let others = request.otherNames.map { NameFit.assess($0, against: order.customer.name) }
            let best = others.compactMap { other -> (Double, String)? in
                if case .fits(let weight, let reason) = other { return (weight, reason) } else { return nil }
            }.max { $0.0 < $1.0 }
            if let best { fit = .fits(best.0, best.1) }
        }
        // The address may be the customer's own ("ccortes.himeji@…", "valmitchum.vizag@…").
        if case .fits = fit {} else if let email = request.email,
            case .fits(let weight, let reason) = NameFit.email(email, customer: order.customer.name)
        {
            fit = .fits(weight, reason)
        }
        switch fit {
        case .fits(let weight, let reason): s.add(weight, reason, kind: "name")
        case .differs(let reason, let firm):
            // A single word read from a message ("po", "Zhou") only weighs. A name given as a field, or read from
            // a message nobody writes for someone else, is another person; else it may be the writer's: a doubt.
            let weak = request.nameFromText && (request.name?.display.split(separator: " ").count ?? 0) <= 1
            if firm && !weak {
                s.contradict(reason + " (\(order.customer.name))", hard: !(request.nameFromText && request.writtenForSomeone))
            } else {
                s.add(-0.10, reason)
            }
        case .silent: break
        }
    }

    private func address(_ order: Order, _ s: inout Signals) {
        guard let theirs = order.customer.address else { return }
        if let postcode = request.postcode.map(TextKeys.idKey), let their = theirs.postcode.map(TextKeys.idKey) {
            if postcode == their { s.add(0.20, "postcode matches", kind: "place") } else { s.add(-0.10, "postcode differs") }
        }
        if let line1 = request.line1, let their = theirs.line1,
            TextKeys.nameKey(line1) == TextKeys.nameKey(their)
        {
            s.add(0.10, "street matches", kind: "place")
        }
        guard let city = theirs.city, !city.isEmpty else { return }
        let cityKey = TextFolding.words(city).joined(separator: " ")
        let inText = request.phrase.contains(" \(cityKey) ")
        if let written = request.city.map({ TextFolding.words($0).joined(separator: " ") }), !written.isEmpty {
            if written == cityKey { s.add(0.10, "city \(city) matches", kind: "place") }
            else if !inText { s.contradict("ships to \(city), not \(request.city ?? "")") }
        } else if inText {
            s.add(0.10, "city \(city) in the text", kind: "place")
        }
    }

    private func goods(_ order: Order, _ s: inout Signals) {
        let skus = Set(request.skus)
        if !skus.isEmpty {
            let onOrder = order.lines.filter { skus.contains($0.sku.uppercased()) }
            if let line = onOrder.first { s.add(0.20, "SKU \(line.sku) on order", kind: "goods") } else { s.add(-0.10, "no line with the SKU") }
        }
        looseGoods(order, &s)
        guard !request.mentions.isEmpty else { return }
        let held = request.mentions.filter { mention in order.lines.contains(where: mention.names) }
        // Words from inside product names ("machines high speed") may only describe goods already named.
        if let missing = request.mentions.first(where: { mention in
            !held.contains(mention) && (mention.branded || held.isEmpty)
        }) {
            return s.contradict("holds no \"\(missing.phrase)\"", hard: true)
        }
        let phrases = held.prefix(2).map { "\"\($0.phrase)\"" }.joined(separator: ", ")
        s.add(0.30, "holds \(phrases)\(held.count > 2 ? " and more" : "")", kind: "goods")
        let tooMany = held.first { mention in
            guard let qty = mention.qty else { return false }
            return order.lines.filter(mention.names).map(\.qty).max().map { qty > $0 } ?? false
        }
        if let tooMany { s.contradict("fewer than \(tooMany.qty ?? 0) of \"\(tooMany.phrase)\" on the order") }
    }

    /// Word overlap with the order's lines, for goods that matched no catalogue name.
    private func looseGoods(_ order: Order, _ s: inout Signals) {
        let wanted = request.looseGoodsTokens
        guard !wanted.isEmpty else { return }
        let best = order.lines.map { line -> (Int, String) in
            (TextFolding.contentTokens(line.description).intersection(wanted).count, line.description)
        }.max { $0.0 < $1.0 }
        if let best, best.0 > 0 {
            s.add(0.075 * Double(min(best.0, 2)), "item fits \"\(best.1)\"", kind: "goods")
        }
    }

    private func amount(_ order: Order, _ s: inout Signals) {
        if let currency = request.currency, currency != order.currency.uppercased() {
            s.add(-0.10, "currency differs")
        }
        let stated = request.refund.map { [$0] } ?? request.writtenAmounts
        guard !stated.isEmpty else { return rememberedAmount(order, &s) }
        if let returned = returnedValue(order), let match = stated.first(where: { near($0, returned.value, units: returned.units) }) {
            return s.add(0.25, "\(match) is what the named goods cost", kind: "amount")
        }
        if stated.contains(where: { near($0, order.total, units: 1) }) {
            let weight = request.mentions.isEmpty ? 0.10 : 0.20
            return s.add(weight, "\(order.total) is the order total", kind: "amount")
        }
        if let refund = request.refund, refund.cents > order.total.cents + max(100, order.total.cents / 100) {
            return s.add(-0.20, "refund \(refund) is above the order total \(order.total)")
        }
        let lineTotals = order.lines.flatMap { line in (1...max(line.qty, 1)).map { line.unitPrice * $0 } }
        if request.mentions.isEmpty, stated.contains(where: { amount in lineTotals.contains { near(amount, $0, units: 1) } }) {
            s.add(0.10, "amount fits an order line", kind: "amount")
        }
    }

    /// An amount given from memory near what the named goods cost, or the order's total: weak support.
    private func rememberedAmount(_ order: Order, _ s: inout Signals) {
        guard request.currency == nil || request.currency == order.currency.uppercased() else { return }
        let actual = [returnedValue(order)?.value, order.total].compactMap { $0 }
        guard let match = request.rememberedAmounts.first(where: { amount in
            actual.contains { ApproximateAmounts.near(amount, $0) }
        }) else { return }
        s.add(0.10, "about \(match), near what it cost", kind: "amount")
    }

    /// What the named goods cost on this order (the written quantity, else the ordered one) and how many units
    /// that is; nil when the request names no goods or the order does not hold them all.
    private func returnedValue(_ order: Order) -> (value: Money, units: Int)? {
        guard !request.mentions.isEmpty else { return nil }
        var value = Money.zero
        var units = 0
        for mention in request.mentions {
            guard let line = order.lines.first(where: mention.names) else { return nil }
            let qty = min(mention.qty ?? line.qty, line.qty)
            value = value + line.unitPrice * qty
            units += qty
        }
        return (value, units)
    }

    /// Equal within a cent per unit (prices are rounded per unit) and one more.
    private func near(_ a: Money, _ b: Money, units: Int) -> Bool { abs(a.cents - b.cents) <= Int64(units + 1) }

    private func timing(_ order: Order, _ s: inout Signals) {
        guard let window = request.purchaseWindow else { return }
        if window.range.contains(order.placedAt) {
            s.add(0.10, "placed when the customer says", kind: "date")
        } else if window.firm {
            s.contradict("placed \(ISODate.formatDay(order.placedAt)), outside the month the customer names")
        } else {
            s.add(-0.05, "order date off")
        }
    }
}

/// A running sum of weighted signals, their reasons, the kinds of evidence seen and the first contradiction.
struct Signals {
    var total = 0.0
    var reasons: [String] = []
    var kinds: Set<String> = []
    var contradiction: String?

    mutating func add(_ weight: Double, _ reason: String, kind: String? = nil) {
        total += weight
        reasons.append(reason)
        if let kind, weight > 0 { kinds.insert(kind) }
    }

    /// Facts of the request the order does not fit that a misreading could explain.
    var doubts: [String] = []

    /// What a single misreadable fact costs; two of them rule the order out.
    static let doubtPenalty = 0.25

    /// A fact the order contradicts. A hard one (nothing delivered yet) rules the order out; a read fact (name,
    /// city, goods, month) lowers the score, and a second one rules it out.
    mutating func contradict(_ reason: String, hard: Bool = false) {
        if hard {
            reasons.append("ruled out: " + reason)
            if contradiction == nil { contradiction = reason }
            return
        }
        reasons.append("does not fit: " + reason)
        doubts.append(reason)
        total -= Self.doubtPenalty
    }

    /// Why the order is out: a hard contradiction, or two facts it does not fit.
    var ruledOut: String? {
        contradiction ?? (doubts.count >= 2 ? doubts.joined(separator: "; ") : nil)
    }
}
