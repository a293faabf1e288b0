import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
import TriageTestSupport

@testable import TriageServer

/// Issue 28: the API's queue filters under the CLI's names, unknown ones refused; `/healthz`; one access log line per
/// request without its query.
@Suite struct OperatorHTTPTests {
    @Test("the queue reads the CLI's filter names (and the old ones); an unknown parameter or team is a 400 naming it")
    func filterNames() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            func get(_ query: String) async throws -> TestResponse {
                try await client.execute(uri: "/api/v1/cards?\(query)", method: .get, headers: ServerFixture.bearer(fixture.alice))
            }
            let all = try await get("").json?["cards"]?.array?.count ?? 0
            #expect(all > 0)
            // The fixture's one open card is an AI (unstructured) card: `decision=binary` must filter it out.
            #expect(try await get("decision=binary").json?["cards"]?.array?.count == 0)
            #expect(try await get("decision=unstructured").json?["cards"]?.array?.count == all)
            #expect(try await get("decision_type=binary").json?["cards"]?.array?.count == 0)
            #expect(try await get("search=zzz-nothing").json?["cards"]?.array?.count == 0)
            let unknown = try await get("decison=binary&colour=red")
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("unknown query parameter colour, decison"), "\(unknown.text)")
            let team = try await get("team=bogus")
            #expect(team.status == .badRequest)
            #expect(team.text.contains("no team bogus"), "\(team.text)")
            #expect(try await get("team=customer_ops").status == .ok)
        }
    }

    @Test("the queue page's team filter offers the routing table's teams, the one in force selected")
    func teamChoices() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let cookie = try await ReviewPageTests.signIn(client, token: fixture.alice)
            let page = try await client.execute(uri: "/?team=finance", method: .get, headers: [.cookie: cookie]).text
            #expect(page.contains(#"<select name="team">"#))
            for team in fixture.table.knownTeams { #expect(page.contains(#"<option value="\#(team)""#), "\(team)") }
            #expect(page.contains(#"<option value="finance" selected>"#))
        }
    }

    @Test("/healthz answers without sign-in with the version")
    func health() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.json?["status"]?.text == "ok")
            #expect(response.json?["version"]?.text == TriageVersion.current)
        }
    }

    @Test("every request logs one line: method, path, status, milliseconds; never the query string")
    func accessLog() async throws {
        let capture = LogCapture()
        let router = Router(context: TriageRequestContext.self)
        router.add(middleware: AccessLogMiddleware(logger: capture.logger()))
        router.get("ok") { _, _ in "fine" }
        router.get("fails") { _, _ -> String in throw HTTPFailure(.notFound, "no such thing") }
        try await Application(router: router).test(.router) { client in
            _ = try await client.execute(uri: "/ok?q=jane@example.com", method: .get)
            _ = try await client.execute(uri: "/fails", method: .get)
        }
        let lines = capture.all
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("info GET /ok 200 ") == true, "\(lines)")
        #expect(lines.last?.hasPrefix("info GET /fails 404 ") == true, "\(lines)")
        #expect(!lines.joined().contains("jane@example.com"))
    }
}
