import Foundation
import TriageCore

/// Ties a warranty email to an order, applies the contract's ordered rules and the policy check, and lets the
/// model classify the claim only as a cross-check.
struct WarrantyTask: Sendable {
    let reference: any WorkerReference
    let model: TaskModel?

    /// The order, the claimed line and how they were found.
    struct Tie: Sendable {
        let order: Order
        let line: OrderLine?
        let how: String
    }

    func run(_ input: TaskInput) async throws(ChatError) -> Suggestion {
        let screen = InjectionScreen(input.text)
        let subject = input.string("subject").map { InjectionScreen($0).cleaned }
        var claim = WarrantyClaim(body: screen.cleaned, subject: subject)
        var suggestion: Suggestion
        let tie: Tie?
        do {
            if claim.orderRef == nil { claim.orderRef = try await onFile(claim, subject: subject, body: screen.cleaned) }
            let named = try await self.tie(claim, sender: input.string("from"), received: input.receivedAt)
            if let named {
                tie = named
            } else {
                tie = try await byName(claim, sender: input.string("from"), body: screen.cleaned, received: input.receivedAt)
            }
            suggestion = try await decide(claim, tie: tie, received: input.receivedAt)
        } catch {
            return Suggestion.unavailable(.warranty, error: error)
        }
        if let model, let tie, tie.line != nil {
            let outcome = try await WarrantyReview(model: model).read(screen.cleaned)
            do {
                suggestion = try await crossCheck(claim, suggestion, outcome, tie: tie, received: input.receivedAt)
            } catch {
                return Suggestion.unavailable(.warranty, error: error)
            }
            suggestion.record(outcome.usage, version: model.version(.warranty))
        }
        suggestion.evidence = [claim.issue, claim.orderRef.flatMap { Evidence.quote($0, in: screen.cleaned) }]
            .compactMap { $0 }
        if screen.flagged { suggestion.flagInjection(screen) }
        return suggestion
    }

    /// The rules' answer after the model's reading: decided again on a grounded classification of a problem the
    /// patterns missed, else annotated with how the readings compare.
    private func crossCheck(
        _ claim: WarrantyClaim, _ suggestion: Suggestion, _ outcome: ModelOutcome<WarrantyReading>, tie: Tie,
        received: Date
    ) async throws -> Suggestion {
        var checked = suggestion
        guard let reading = outcome.reply else {
            checked.modelInvalid(outcome.invalidReason)
            return checked
        }
        guard let restated = WarrantyReview.restated(claim, by: reading) else {
            WarrantyReview.annotate(&checked, claim: claim, by: reading)
            return checked
        }
        checked = try await decide(restated, tie: tie, received: received)
        WarrantyReview.markRestated(&checked, by: reading)
        return checked
    }

    /// The one number of the message, introduced or not, that is an order on file ("stove - ID-2016-39903" in a
    /// subject, a reference alone on a line, "in-2015-34478" in lower case); nil when none is, or two are.
    func onFile(_ claim: WarrantyClaim, subject: String?, body: String) async throws -> String? {
        var numbers: [String] = []
        for token in OrderReference.tokens(in: (subject.map { $0 + "\n" } ?? "") + body).prefix(8) {
            if let order = try await order(written: token), !numbers.contains(order.orderNumber) {
                numbers.append(order.orderNumber)
            }
        }
        return numbers.count == 1 ? numbers.first : nil
    }

    /// The order a reference names, written with or without the hash the shop's numbers may carry.
    private func order(written ref: String) async throws -> Order? {
        let digits = ref.hasPrefix("#") ? String(ref.dropFirst()) : ref
        var tried: Set<String> = []
        for number in [ref, digits, "#" + digits] where tried.insert(number).inserted {
            if let order = try await reference.order(number: number) { return order }
        }
        return nil
    }

    /// A reference not on file with one character wrong ("ID-2015-69722" for ID-2015-69772), when it fits the one
    /// order the customer's name and product tie the claim to; never high.
    private func misread(_ ref: String, claim: WarrantyClaim, sender: String?, received: Date) async throws -> Tie? {
        guard let tie = try await byName(claim, sender: sender, body: claim.body, received: received) else { return nil }
        let written = TextKeys.idKey(ref)
        guard EditDistance.between(written, TextKeys.idKey(tie.order.orderNumber)) == 1 else { return nil }
        return Tie(order: tie.order, line: tie.line, how: "\(tie.how); reference \(ref) read as \(tie.order.orderNumber)")
    }

    /// The order named in the text, else the sender's one order with the product mentioned.
    func tie(_ claim: WarrantyClaim, sender: String?, received: Date) async throws -> Tie? {
        if let ref = claim.orderRef {
            if let order = try await order(written: ref) {
                return Tie(order: order, line: mentionedLine(order, claim: claim), how: "order reference \(ref)")
            }
            return try await misread(ref, claim: claim, sender: sender, received: received)
        }
        guard let sender = sender?.lowercased(), sender.contains("@") else { return nil }
        let window = received.addingTimeInterval(-5 * 365 * 86_400)...received
        let orders = try await reference.candidateOrders(CandidateQuery(email: sender, placedBetween: window, limit: 50))
            .filter { $0.customer.email?.lowercased() == sender }
        let scored = orders.compactMap { order in
            mentionedLine(order, claim: claim).map { (order: order, line: $0, overlap: overlap($0, claim)) }
        }
        let best = scored.map(\.overlap).max() ?? 0
        let leaders = scored.filter { $0.overlap == best }
        guard leaders.count == 1, let leader = leaders.first else { return nil }
        return Tie(order: leader.order, line: leader.line, how: "sender's only order with the \(leader.line.description)")
    }

    /// With no reference and no e-mail on file: the customer named in the From header or the signature, and the one
    /// order of theirs in the last five years that holds the product the message talks about. A tie by name is
    /// never high: two customers may share a name.
    func byName(_ claim: WarrantyClaim, sender: String?, body: String, received: Date) async throws -> Tie? {
        let display = sender.flatMap { from -> String? in
            guard let bracket = from.firstIndex(of: "<") else { return nil }
            let name = from[..<bracket].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            return name.isEmpty ? nil : name
        }
        let written = ([display, WrittenName.find(in: body)].compactMap { $0 } + OtherNames.find(in: body, email: nil))
        var tried: Set<[String]> = []
        for name in written.compactMap(NameParts.init) where !name.blockingTokens.isEmpty && tried.insert(name.blockingTokens).inserted {
            if let tie = try await tie(claim, named: name, received: received) { return tie }
        }
        return nil
    }

    /// The one order of `name` in the last five years that holds the product the message talks about.
    private func tie(_ claim: WarrantyClaim, named name: NameParts, received: Date) async throws -> Tie? {
        let window = received.addingTimeInterval(-5 * 365 * 86_400)...received
        let orders = try await reference.candidateOrders(
            CandidateQuery(nameTokens: name.blockingTokens, placedBetween: window, limit: 200))
        let scored = orders.compactMap { order -> (order: Order, line: OrderLine, overlap: Int)? in
            guard case .fits = NameFit.assess(name, against: order.customer.name), let line = mentionedLine(order, claim: claim)
            else { return nil }
            return (order, line, overlap(line, claim))
        }
        let best = scored.map(\.overlap).max() ?? 0
        let leaders = scored.filter { $0.overlap == best }
        guard leaders.count == 1, let leader = leaders.first else { return nil }
        return Tie(order: leader.order, line: leader.line,
                   how: "\(leader.order.customer.name)'s only order with the \(leader.line.description)")
    }

    /// The order line whose product name (before the variant) shares most words with the email; nil when none
    /// shares any or two lines share equally many.
    func mentionedLine(_ order: Order, claim: WarrantyClaim) -> OrderLine? {
        let scored = order.lines.map { (line: $0, overlap: overlap($0, claim)) }
        let best = scored.map(\.overlap).max() ?? 0
        let leaders = scored.filter { $0.overlap == best }
        guard best > 0, leaders.count == 1 else { return nil }
        return leaders.first?.line
    }

    private func overlap(_ line: OrderLine, _ claim: WarrantyClaim) -> Int {
        TextFolding.productTokens(line.description).intersection(claim.tokens).count
    }
}
