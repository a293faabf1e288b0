import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
@testable import TriageServer

/// The OpenAPI document and the router cannot drift: every API and webhook route is documented, every documented
/// operation is routed, and every error response uses the one error shape.
@Suite("OpenAPI document against the routes", .timeLimit(.minutes(5)))
struct OpenAPIRouteTests {
    static func documented() throws -> (operations: Set<String>, document: [String: JSONValue]) {
        let document = try #require(try JSONParser.parse(Array(OpenAPIDocument.json.utf8)).object)
        let paths = try #require(document["paths"]?.object)
        let operations = paths.flatMap { path, item in
            (item.object ?? [:]).keys.map { "\($0.uppercased()) \(path)" }
        }
        return (Set(operations), document)
    }

    @Test("the documented operations are exactly the routed /api and /webhooks routes")
    func sameOperations() async throws {
        let router = try ReviewServer.router(try await ServerFixture().context)
        let routed = Set(router.routes.map { "\($0.method) \($0.path)" }
            .map { $0.replacingOccurrences(of: ":id", with: "{id}") }
            .filter { $0.contains(" /api/") || $0.contains(" /webhooks/") })
        let documented = try Self.documented().operations
        #expect(routed.subtracting(documented).isEmpty, "routed but not documented: \(routed.subtracting(documented).sorted())")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        #expect(routed.count >= 15)
    }

    @Test("every documented error response is the Error schema, {\"error\": string}")
    func oneErrorShape() throws {
        let document = try Self.documented().document
        let paths = try #require(document["paths"]?.object)
        var bare: [String] = []
        for (path, item) in paths {
            for (method, operation) in item.object ?? [:] {
                for (status, response) in operation.object?["responses"]?.object ?? [:] where Int(status).map({ $0 >= 400 }) == true {
                    let fields = response.object ?? [:]
                    let schema = fields["content"]?.object?["application/json"]?.object?["schema"]?.object?["$ref"]?.text
                    if fields["$ref"] == nil, schema != "#/components/schemas/Error" { bare.append("\(method) \(path) \(status)") }
                }
            }
        }
        #expect(bare.isEmpty, "error responses without the Error schema: \(bare.sorted())")
    }

    @Test("an error from any route group has the documented shape")
    func errorsHaveTheShape() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for (uri, method) in [("/api/v1/cards", HTTPRequest.Method.get), ("/webhooks/shopify", .post), ("/api/v1/cards/999999", .get)] {
                let headers = uri.hasSuffix("999999") ? ServerFixture.bearer(fixture.alice) : [:]
                let response = try await client.execute(uri: uri, method: method, headers: headers)
                #expect(response.status.code >= 400)
                let object = try #require(response.json?.object, "\(uri) answered \(response.text)")
                #expect(Set(object.keys) == ["error"])
                #expect(object["error"]?.text?.isEmpty == false)
            }
        }
    }
}
