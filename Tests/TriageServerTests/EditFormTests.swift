import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore

@testable import TriageServer

/// Issue 28: "Edit then accept" is a form with one field per parameter of the chosen action, validated by the
/// decision path, its refusals shown next to their field with nothing typed lost.
@Suite("Edit form on the card page")
struct EditFormTests {
    static func page(_ client: any TestClientProtocol, _ cookie: String, _ uri: String) async throws -> String {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]).text
    }

    static func post(_ client: any TestClientProtocol, _ cookie: String, card: Int64, _ body: String) async throws
        -> TestResponse
    {
        var headers = ReviewPageTests.form
        headers[.cookie] = cookie
        return try await client.execute(
            uri: "/cards/\(card)/decide", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Signs alice in, opens the warranty card, and hands `body` a poster of decision forms that adds the page's
    /// CSRF token.
    static func posting(
        _ fixture: ServerFixture,
        _ body: @escaping @Sendable (_ post: @Sendable (String) async throws -> TestResponse) async throws -> Void
    ) async throws {
        let id = fixture.warrantyCardID
        try await fixture.test { client in
            let cookie = try await ReviewPageTests.signIn(client, token: fixture.alice)
            let csrf = try #require(ReviewPageTests.csrf(in: try await Self.page(client, cookie, "/cards/\(id)")))
            try await body { form in try await Self.post(client, cookie, card: id, "csrf=\(csrf)&" + form) }
        }
    }

    static func decisions(_ fixture: ServerFixture) async throws -> [String] {
        try await fixture.database.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT action || ' ' || edited_fields FROM decisions WHERE actor_kind = 'reviewer'")
        }
    }

    @Test(
        "one field per parameter of each action the card allows; the suggested action's fields are shown, the others hidden"
    )
    func fieldsPerAction() async throws {
        let fixture = try await ServerFixture()
        let id = fixture.warrantyCardID
        try await fixture.test { client in
            let cookie = try await ReviewPageTests.signIn(client, token: fixture.alice)
            let page = try await Self.page(client, cookie, "/cards/\(id)")
            #expect(page.contains(#"<option value="replace" selected>replace</option>"#))
            #expect(page.contains(#"<fieldset class="params" data-action="replace">"#))
            #expect(page.contains(#"<fieldset class="params" data-action="refund" hidden disabled>"#))
            #expect(page.contains(##"<input name="p.order_number" id="p-replace-order_number" value="#1001""##))
            #expect(page.contains(#"<input name="p.amount" id="p-refund-amount" value="" inputmode="decimal""#))
            #expect(page.contains(#"id="p-replace-note""#))
            #expect(!page.contains(#"name="parameters""#), "no raw JSON box")
            #expect(!page.contains("<details id=\"edit\" open>"))
            let refund = try await Self.page(client, cookie, "/cards/\(id)?edit=refund")
            #expect(
                refund.contains(#"<fieldset class="params" data-action="refund">"#),
                "a link switches the fields without a script")
            #expect(refund.contains("<details id=\"edit\" open>"))
        }
    }

    @Test("a refused edit is a 422 page with the refusal next to its field, everything typed kept and escaped")
    func refusalNextToField() async throws {
        let fixture = try await ServerFixture()
        try await Self.posting(fixture) { post in
            let refused = try await post(
                "verdict=edit&action=refund&p.amount=lots&p.note=%3Cb%3Ehi%3C%2Fb%3E&reason=partial+refund")
            #expect(refused.status == .unprocessableContent)
            let page = refused.text
            #expect(
                page.contains(
                    #"<span class="field-error" id="p-refund-amount-error" role="alert">parameters.amount must be a positive decimal"#
                ))
            #expect(page.contains(#"id="p-refund-amount" value="lots""#))
            #expect(page.contains(#"aria-invalid="true" aria-describedby="p-refund-amount-error""#))
            #expect(page.contains(#"value="&lt;b&gt;hi&lt;/b&gt;""#))
            #expect(page.contains(#"value="partial refund""#))
            #expect(page.contains(#"<option value="refund" selected>"#))
            #expect(page.contains("<details id=\"edit\" open>"))
            let forged = try await post("verdict=edit&action=wire_money")
            #expect(forged.status == .unprocessableContent)
            #expect(
                forged.text.contains(#"<span class="field-error" role="alert">action: wire_money is not an action"#))
            let unnamed = try await post("verdict=reject&reason=+")
            #expect(unnamed.status == .unprocessableContent)
            #expect(unnamed.text.contains("a rejection needs a reason"))
        }
        #expect(try await Self.decisions(fixture).isEmpty)
    }

    @Test("a valid edit from the form decides the card with the typed parameters")
    func validEdit() async throws {
        let fixture = try await ServerFixture()
        try await Self.posting(fixture) { post in
            let response = try await post(
                "verdict=edit&action=replace&p.order_number=%231001&p.sku=KET-200&p.note=courier+pickup&reason=")
            #expect(response.status == .seeOther)
        }
        #expect(try await Self.decisions(fixture) == [#"replace ["parameters.note"]"#])
    }
}

@Suite("Decision forms")
struct DecisionFormTests {
    let at = Date(timeIntervalSince1970: 1_795_000_000)

    func returnCard() throws -> StoredCard {
        let card = NewCard(
            exceptionID: 1, kind: .returnRequest, decisionType: .judgment, status: .open, team: "customer_ops",
            title: "Return request", summary: "", createdAt: at)
        let suggestion = Suggestion(
            task: .returnMatch, action: "match_order",
            parameters: ["order_id": "o1", "order_number": "100001", "refund_amount": "40.00"],
            candidates: [
                CandidateEvidence(id: "o1", label: "100001 · Ana Ruiz", score: 0.9, reasons: []),
                CandidateEvidence(id: "o2", label: "100002 · Ana Ruiz", score: 0.7, reasons: []),
            ], confidence: .medium)
        return StoredCard(
            id: 4, card: card, suggestion: try JSONValue.parse(Data(try JSONCoding.string(suggestion).utf8)),
            updatedAt: at)
    }

    @Test("a chosen candidate sets its order fields unless the reviewer typed others; empty fields keep the card's")
    func candidateChoice() throws {
        let card = try returnCard()
        let form = try DecisionForm([
            ("verdict", "edit"), ("candidate", "o2"), ("p.order_id", "o1"), ("p.order_number", "100001"),
            ("p.refund_amount", " 35.5 "), ("p.note", ""),
        ])
        let request = try form.request(cardID: 4, card: card)
        #expect(request.parameters == ["order_id": "o2", "order_number": "100002", "refund_amount": "35.5"])
        let typed = try DecisionForm([("verdict", "edit"), ("candidate", "o2"), ("p.order_number", "100009")])
        #expect(try typed.request(cardID: 4, card: card).parameters == ["order_id": "o2", "order_number": "100009"])
    }

    @Test("each field is read as its kind: a count as a number, items as JSON, text as typed")
    func kinds() {
        let fields = Dictionary(
            uniqueKeysWithValues: ActionFields.fields(for: "reconcile_inventory", current: [:]).map { ($0.name, $0) })
        #expect(fields["wms_qty"]?.value("12") == .number(12))
        #expect(fields["wms_qty"]?.value("twelve") == .string("twelve"))
        #expect(fields["sku"]?.value("123") == .string("123"))
        let items = ActionFields.fields(for: "refund", current: [:]).first { $0.name == "items" }
        #expect(items?.value(#"[{"sku":"A","qty":1}]"#)?.array?.count == 1)
    }

    @Test("a refusal names its field: the action, a parameter, or none")
    func errorField() throws {
        var form = try DecisionForm([("verdict", "edit")])
        for (message, field) in [
            ("parameters.amount must be a positive decimal", "amount"),
            ("parameters.order_number: order #9 is …", "order_number"),
            ("action: wire is not an action", "action"), ("parameters: refund_to is not a parameter of refund", nil),
        ] as [(String, String?)] {
            form.error = message
            #expect(form.errorField == field, "\(message)")
        }
        #expect(throws: HTTPFailure.self) { try DecisionForm([("verdict", "maybe")]) }
    }
}
