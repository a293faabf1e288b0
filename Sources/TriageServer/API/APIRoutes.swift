import Foundation
import HTTPTypes
import Hummingbird
import TriageCore

/// `/api/v1`: the reviewer operations as JSON, for scripts and other tools. Bearer token, or a session cookie with
/// the session's `X-CSRF-Token` on anything that changes data; a foreign `Origin` is refused. Authentication, the
/// change guard and the admin check are middleware on the route groups; errors are ``HTTPFailure``s.
struct APIRoutes {
    let context: ReviewContext

    func register(on router: Router<TriageRequestContext>) {
        let api = router.group("api/v1").add(middleware: JSONErrorMiddleware(logger: context.logger))
        api.get("openapi.json") { _, _ in Responses.raw(Data(OpenAPIDocument.json.utf8), type: "application/json") }
        let reviewer = api.group()
            .add(middleware: ReviewerMiddleware(auth: context.auth))
            .add(middleware: ChangeGuardMiddleware(auth: context.auth))
        reviewer.get("me") { _, route in try Responses.json(try route.signedIn()) }
        reviewer.get("cards") { request, route in try await queue(request, route) }
        reviewer.get("cards/:id") { _, route in try Responses.json(try await context.view(cardID: try route.cardID())) }
        reviewer.post("cards/:id/lock") { _, route in
            let until = try await context.lock(cardID: try route.cardID(), for: try route.signedIn())
            return try Responses.json(["locked_until": ISODate.format(until)])
        }
        reviewer.delete("cards/:id/lock") { _, route in
            try await context.store.unlockCard(id: try route.cardID(), reviewer: try route.signedIn(), now: context.now())
            return Response(status: .noContent)
        }
        for verdict in ReviewVerdict.allCases {
            reviewer.post("cards/:id/\(verdict.rawValue)") { request, route in try await decide(verdict, request, route) }
        }
        reviewer.post("cards/bulk-accept") { request, route in
            let body = try decodeBody(BulkAcceptBody.self, try await request.bodyData(limit: 65_536))
            return try Responses.json(try await context.bulkAccept(body.cardIDs, by: try route.signedIn()))
        }
        reviewer.get("escalations") { _, _ in try Responses.json(try await context.store.openEscalations()) }
        reviewer.group("users").add(middleware: AdminMiddleware()).post { request, _ in try await addUser(request) }
    }

    private func queue(_ request: Request, _ route: TriageRequestContext) async throws -> Response {
        let filter = try QueueFilters.parse(request, preferTeam: try route.signedIn().team, teams: context.table.knownTeams)
        let items = try await context.store.reviewQueue(filter, now: context.now())
        let counts = Dictionary(uniqueKeysWithValues: try await context.store.openCounts().map { ($0.key.rawValue, $0.value) })
        return try Responses.json(QueuePayload(cards: items, openCounts: counts, next: QueuePage.next(items, filter)?.token))
    }

    private func decide(_ verdict: ReviewVerdict, _ request: Request, _ route: TriageRequestContext) async throws -> Response {
        let data = try await request.bodyData(limit: 65_536)
        let body = data.isEmpty ? DecisionBody() : try decodeBody(DecisionBody.self, data)
        let outcome = try await context.decide(
            ReviewRequest(
                cardID: try route.cardID(), verdict: verdict, action: body.action, parameters: body.parameters ?? [:],
                reason: body.reason), by: try route.signedIn())
        return try Responses.json(outcome)
    }

    private func addUser(_ request: Request) async throws -> Response {
        let body = try decodeBody(NewUserBody.self, try await request.bodyData(limit: 4_096))
        let token = Secrets.newToken()
        let user = try await context.store.addUser(
            name: body.name, role: body.role ?? .reviewer, team: body.team, tokenHash: Secrets.hash(token), now: context.now())
        return try Responses.json(NewUserPayload(user: user, token: token), status: .created)
    }

    private func decodeBody<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        do { return try JSONCoding.decoder().decode(T.self, from: data) } catch {
            throw HTTPFailure(.badRequest, "the body is not a valid \(T.self) JSON object")
        }
    }
}

/// The body of accept, edit and reject.
struct DecisionBody: Decodable {
    var action: String?
    var parameters: [String: JSONValue]?
    var reason: String?
}

/// The body of `POST /api/v1/cards/bulk-accept`.
struct BulkAcceptBody: Decodable {
    var cardIDs: [Int64]
}

/// The body of `POST /api/v1/users`.
struct NewUserBody: Decodable {
    var name: String
    var role: ReviewerRole?
    var team: String?
}

/// A new user and their token, shown once.
struct NewUserPayload: Encodable {
    var user: Reviewer
    var token: String
}

/// The queue and the open counts per kind; `next` is the `after` value of the next page, nil on the last.
struct QueuePayload: Encodable {
    var cards: [QueueItem]
    var openCounts: [String: Int]
    var next: String?
}

/// Keyset paging: a full page has a next page, starting after its last card.
enum QueuePage {
    static func next(_ items: [QueueItem], _ filter: QueueFilter) -> QueueCursor? {
        guard items.count == filter.limit, let last = items.last else { return nil }
        return QueueCursor(after: last.card, preferTeam: filter.preferTeam)
    }
}
