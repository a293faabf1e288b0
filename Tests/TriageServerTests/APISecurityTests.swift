import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
import TriageServer
import TriageStore

@Suite("API: cookies need CSRF, foreign origins are refused, GET never locks", .timeLimit(.minutes(5)))
struct APISecurityTests {
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let origin = HTTPField.Name("Origin")!

    /// The session cookie (`name=value`) and its CSRF token.
    static func session(_ client: any TestClientProtocol, token: String) async throws -> (cookie: String, csrf: String) {
        let cookie = try await ReviewPageTests.signIn(client, token: token)
        let value = String(cookie.drop { $0 != "=" }.dropFirst())
        return (cookie, Secrets.csrfToken(session: value))
    }

    @Test("a cookie-only text/plain POST from a foreign origin is 403 and decides nothing")
    func cookieWithoutCSRFIsRefused() async throws {
        let fixture = try await ServerFixture()
        let id = fixture.warrantyCardID
        try await fixture.test { client in
            let (cookie, _) = try await Self.session(client, token: fixture.alice)
            let forged = try await client.execute(
                uri: "/api/v1/cards/\(id)/reject", method: .post,
                headers: [.cookie: cookie, .contentType: "text/plain", Self.origin: "https://evil.example"],
                body: ByteBuffer(string: #"{"reason":"csrf"}"#))
            #expect(forged.status == .forbidden)
            let noHeader = try await client.execute(
                uri: "/api/v1/cards/\(id)/reject", method: .post, headers: [.cookie: cookie, .contentType: "text/plain"],
                body: ByteBuffer(string: #"{"reason":"csrf"}"#))
            #expect(noHeader.status == .forbidden)
        }
        #expect(try fixture.database.counts()["decisions"] == 0)
    }

    @Test("a cookie with the session's CSRF header is allowed; a bearer token needs none")
    func cookieWithCSRFIsAllowed() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let (cookie, csrf) = try await Self.session(client, token: fixture.alice)
            let lock = try await client.execute(
                uri: "/api/v1/cards/\(fixture.warrantyCardID)/lock", method: .post,
                headers: [.cookie: cookie, Self.csrfHeader: csrf, Self.origin: "http://127.0.0.1:8080"])
            #expect(lock.status == .ok)
            let bearer = try await client.execute(
                uri: "/api/v1/cards/\(fixture.warrantyCardID)/lock", method: .post, headers: ServerFixture.bearer(fixture.alice))
            #expect(bearer.status == .ok)
        }
    }

    @Test("a queue filter of NaN, infinite or negative hours is a 400 naming min_age_hours")
    func badAgeFilterIsRefused() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for hours in ["NaN", "inf", "-1", "1e9"] {
                let response = try await client.execute(
                    uri: "/api/v1/cards?min_age_hours=\(hours)", method: .get, headers: ServerFixture.bearer(fixture.alice))
                #expect(response.status == .badRequest, "\(hours)")
                #expect(response.text.contains("min_age_hours"), "\(hours)")
            }
        }
    }

    @Test("a bearer call with a foreign Origin is 403")
    func bearerWithForeignOriginIsRefused() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            var headers = ServerFixture.bearer(fixture.alice)
            headers[Self.origin] = "https://evil.example"
            let response = try await client.execute(
                uri: "/api/v1/cards/\(fixture.warrantyCardID)/lock", method: .post, headers: headers)
            #expect(response.status == .forbidden)
        }
    }

    @Test("GET /api/v1/cards/{id} does not lock; POST …/lock does; releasing another reviewer's lock is 403")
    func getNeverLocks() async throws {
        let fixture = try await ServerFixture()
        let id = fixture.warrantyCardID
        try await fixture.test { client in
            let view = try await client.execute(uri: "/api/v1/cards/\(id)", method: .get, headers: ServerFixture.bearer(fixture.alice))
            #expect(view.status == .ok)
            #expect(view.json?["context"]?["lockedBy"]?.text == nil)
            let lock = try await client.execute(uri: "/api/v1/cards/\(id)/lock", method: .post, headers: ServerFixture.bearer(fixture.admin))
            #expect(lock.status == .ok)
            let steal = try await client.execute(uri: "/api/v1/cards/\(id)/lock", method: .delete, headers: ServerFixture.bearer(fixture.alice))
            #expect(steal.status == .forbidden)
            let own = try await client.execute(uri: "/api/v1/cards/\(id)/lock", method: .delete, headers: ServerFixture.bearer(fixture.admin))
            #expect(own.status == .noContent)
        }
    }

    @Test("a duplicate user is 409 and an empty name 422, not 500")
    func userErrors() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let headers = ServerFixture.bearer(fixture.admin)
            let duplicate = try await client.execute(
                uri: "/api/v1/users", method: .post, headers: headers, body: ByteBuffer(string: #"{"name":"alice"}"#))
            #expect(duplicate.status == .conflict)
            #expect(duplicate.text.contains("alice"))
            let empty = try await client.execute(
                uri: "/api/v1/users", method: .post, headers: headers, body: ByteBuffer(string: #"{"name":"  "}"#))
            #expect(empty.status == .unprocessableContent)
        }
    }

    @Test("every response forbids framing")
    func frameAncestors() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let page = try await client.execute(uri: "/login", method: .get)
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
        }
    }
}
