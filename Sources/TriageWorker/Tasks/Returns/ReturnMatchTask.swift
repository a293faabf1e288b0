import Foundation
import TriageCore

/// Finds the order a return without an order number belongs to: blocking, scoring, then (when the scores
/// leave it open) the model's choice among the close candidates.
struct ReturnMatchTask: Sendable {
    let reference: any WorkerReference
    let model: TaskModel?

    func run(_ input: TaskInput) async throws(ChatError) -> Suggestion {
        let screen = InjectionScreen([input.text, input.string("note") ?? ""].filter { !$0.isEmpty }.joined(separator: "\n"))
        var request = ReturnRequest(input, screenedText: screen.cleaned)
        let orders: [Order]
        do {
            let catalogue = try await reference.products(sharingPairs: request.goodsPairs, limit: Self.catalogueLimit)
            request.resolveGoods(catalogue: catalogue)
            orders = try await reference.candidateOrders(query(for: request))
            // Goods the customer names by brand and kind ("the Logitech keypads") may share no word pair with the
            // catalogue's name: when the catalogue named none, read them again against what the candidates bought.
            if request.mentions.isEmpty { request.resolveGoods(catalogue: catalogue, bought: orders.flatMap(\.lines)) }
        } catch {
            return Suggestion.unavailable(.returnMatch, error: error)
        }
        let decision = ReturnDecision(
            ranked: CandidateScorer(request: request).rank(orders), writtenForSomeone: request.writtenForSomeone,
            goodsNamed: !request.mentions.isEmpty || !request.items.isEmpty)
        var suggestion = makeSuggestion(decision, request: request, screen: screen)
        // The model earns its call only where the checks leave a choice: close contenders that the evidence cannot
        // separate. A clear leader is not sent (its cross-check added nothing on real data; docs/decisions.md).
        if let model, !decision.contenders.isEmpty {
            try await consult(model, decision: decision, request: request, into: &suggestion)
        }
        return suggestion
    }

    /// The most catalogue products one request's words are matched against.
    static let catalogueLimit = 200

    func query(for request: ReturnRequest) -> CandidateQuery {
        let start = request.received.addingTimeInterval(-400 * 86_400)
        let named = request.mentions.flatMap(\.skus)
        return CandidateQuery(
            email: request.email, nameTokens: request.nameTokens, postcode: request.postcode,
            phoneDigits: request.phoneDigits, skus: Array(Set(request.skus + named)).sorted(),
            placedBetween: start...request.received.addingTimeInterval(86_400), limit: 300)
    }

    private func makeSuggestion(_ decision: ReturnDecision, request: ReturnRequest, screen: InjectionScreen) -> Suggestion {
        var suggestion = Suggestion(
            task: .returnMatch, action: decision.chosen == nil ? "no_match" : "match_order",
            candidates: (decision.offered + decision.ruledOut).map(\.evidence), evidence: evidence(request),
            confidence: decision.confidence)
        suggestion.apply(decision.chosen, request: request)
        suggestion.notes.append(note(decision))
        if screen.flagged { suggestion.flagInjection(screen) }
        return suggestion
    }

    private func note(_ decision: ReturnDecision) -> String {
        guard let top = decision.offered.first else { return "no order shares the customer's details" }
        let score = String(format: "%.2f", top.score)
        guard let chosen = decision.chosen else { return "best candidate \(top.order.orderNumber) scored \(score): no match" }
        return "matched \(chosen.order.orderNumber) (score \(score))" + (decision.clearLead ? "" : ", close runner-up")
    }

    private func evidence(_ request: ReturnRequest) -> [String] {
        var quotes: [String] = []
        if let name = request.name { quotes.append("name: " + name.display) }
        quotes += request.items.prefix(3).map { "item: \($0.description)" }
        if request.items.isEmpty { quotes += request.mentions.prefix(3).map { "goods: \($0.phrase)" } }
        if let sentence = request.text.split(whereSeparator: { ".!?\n".contains($0) }).first(where: { !$0.isEmpty }) {
            quotes.append(String(sentence.trimmingCharacters(in: .whitespaces).prefix(120)))
        }
        return quotes
    }
}
