import Hummingbird
import TriageCore

/// The request context of every route: Hummingbird's core storage plus the reviewer the authentication
/// middleware found. Routes behind ``ReviewerMiddleware`` read ``signedIn``.
public struct TriageRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The authenticated reviewer, set by ``ReviewerMiddleware``.
    public var reviewer: Reviewer?

    /// Creates the context of one request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The reviewer behind the request; a route outside the reviewer group has none (401).
    func signedIn() throws -> Reviewer {
        guard let reviewer else { throw HTTPFailure.unauthenticated }
        return reviewer
    }

    /// The route's `:id` parameter as a card id (404 when it is not one).
    func cardID() throws -> Int64 {
        guard let id = parameters.get("id", as: Int64.self) else { throw HTTPFailure(.notFound, "no such card") }
        return id
    }
}
