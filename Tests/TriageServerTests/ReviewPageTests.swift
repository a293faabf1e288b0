import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
import TriageServer

@Suite("Reviewer page: sign-in, escaping, CSRF")
struct ReviewPageTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Signs in and returns the session cookie (`name=value`).
    static func signIn(_ client: any TestClientProtocol, token: String) async throws -> String {
        let response = try await client.execute(
            uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=\(token)"))
        #expect(response.status == .seeOther)
        let cookie = try #require(response.headers[.setCookie])
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        return String(cookie.prefix { $0 != ";" })
    }

    @Test("a wrong token is refused; pages without a session go to sign-in")
    func signInRequired() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let wrong = try await client.execute(uri: "/login", method: .post, headers: Self.form, body: ByteBuffer(string: "token=nope"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.setCookie] == nil)
            let queue = try await client.execute(uri: "/", method: .get)
            #expect(queue.status == .seeOther)
            #expect(queue.headers[.location] == "/login")
        }
    }

    @Test("the card renders the email's markup and script as text, with the model and prompt version")
    func escapesSourceText() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let cookie = try await Self.signIn(client, token: fixture.alice)
            let page = try await client.execute(uri: "/cards/\(fixture.warrantyCardID)", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(!page.text.contains("<script>alert"))
            #expect(page.text.contains("&lt;script&gt;alert("))
            #expect(page.text.contains("&lt;/script&gt;"))
            #expect(page.text.contains("&lt;b&gt;stopped&lt;/b&gt;"))
            #expect(page.text.contains("gemma-3-270m-it-Q4_K_M"))
            #expect(page.text.contains("0123456789ab"))
            #expect(page.text.contains("possible_injection"))
            #expect(page.text.contains("maria.g@example.com"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        }
    }

    @Test("a decision form without the session's CSRF token is refused; with it the card is decided")
    func csrf() async throws {
        let fixture = try await ServerFixture()
        let id = fixture.warrantyCardID
        try await fixture.test { client in
            let cookie = try await Self.signIn(client, token: fixture.alice)
            let page = try await client.execute(uri: "/cards/\(id)", method: .get, headers: [.cookie: cookie])
            let token = try #require(Self.csrf(in: page.text))
            var headers = Self.form
            headers[.cookie] = cookie
            let forged = try await client.execute(
                uri: "/cards/\(id)/decide", method: .post, headers: headers, body: ByteBuffer(string: "verdict=accept&csrf=forged"))
            #expect(forged.status == .forbidden)
            let accepted = try await client.execute(
                uri: "/cards/\(id)/decide", method: .post, headers: headers, body: ByteBuffer(string: "verdict=accept&csrf=\(token)"))
            #expect(accepted.status == .seeOther)
        }
        let decisions = try await fixture.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT actor || ':' || action FROM decisions WHERE actor_kind = 'reviewer'")
        }
        #expect(decisions == ["alice:replace"])
    }

    @Test("viewing a card does not lock it; the page locks it with a POST; another reviewer then sees it read-only")
    func lockedCardIsReadOnly() async throws {
        let fixture = try await ServerFixture()
        let id = fixture.warrantyCardID
        try await fixture.test { client in
            let alice = try await Self.signIn(client, token: fixture.alice)
            let mine = try await client.execute(uri: "/cards/\(id)", method: .get, headers: [.cookie: alice])
            #expect(mine.text.contains(#"id="accept""#))
            #expect(!mine.text.contains("open with alice"), "a GET never locks")
            let csrf = try #require(Self.csrf(in: mine.text))
            #expect(mine.text.contains(#"data-lock="/api/v1/cards/\#(id)/lock""#))
            let lock = try await client.execute(
                uri: "/api/v1/cards/\(id)/lock", method: .post,
                headers: [.cookie: alice, HTTPField.Name("X-CSRF-Token")!: csrf])
            #expect(lock.status == .ok)
            let bob = try await Self.signIn(client, token: fixture.bob)
            let theirs = try await client.execute(uri: "/cards/\(id)", method: .get, headers: [.cookie: bob])
            #expect(theirs.status == .ok)
            #expect(!theirs.text.contains(#"id="accept""#))
            #expect(theirs.text.contains("open with alice"))
        }
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

@Suite("Weekly review page")
struct WeeklyReviewPageTests {
    @Test("/review renders three inline SVG charts and every table; CSV and JSON exports; sign-in required")
    func reviewPage() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let anonymous = try await client.execute(uri: "/review", method: .get)
            #expect(anonymous.status == .seeOther)
            let cookie = try await ReviewPageTests.signIn(client, token: fixture.alice)
            let page = try await client.execute(uri: "/review?week=2026-10-01", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(page.text.components(separatedBy: "<svg").count - 1 == 3)
            for section in ["top_types", "automation", "rules", "ai_suggestions", "decision_times", "upstream_fixes", "supply_chain", "cascades"] {
                #expect(page.text.contains(#"id="\#(section)""#), "\(section)")
            }
            #expect(!page.text.contains("<script>alert"))
            let csv = try await client.execute(uri: "/review/rules.csv?week=2026-10-01", method: .get, headers: [.cookie: cookie])
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.hasPrefix("rule,mode,fired"))
            let json = try await client.execute(uri: "/review.json?week=2026-10-01", method: .get, headers: [.cookie: cookie])
            #expect(json.json?["types"]?.array?.first?["kind"]?.text == "warranty_claim")
            let bad = try await client.execute(uri: "/review?week=soon", method: .get, headers: [.cookie: cookie])
            #expect(bad.status == .badRequest)
        }
    }
}
