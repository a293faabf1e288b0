import Foundation
import HTTPTypes
import Hummingbird
import TriageCore

/// Authentication: a bearer token (API) or a session cookie (pages) must name a reviewer, who is put on the
/// request's context; otherwise 401.
struct ReviewerMiddleware: RouterMiddleware {
    typealias Context = TriageRequestContext
    let auth: ReviewerAuth

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.reviewer = try await auth.reviewer(request)
        return try await next(request, context)
    }
}

/// Requests that change something (anything but GET and HEAD): a present `Origin` must be this server's, and a
/// session cookie must come with the session's CSRF token, in `X-CSRF-Token` (the app's script) or a form's `csrf`
/// field (the pages' forms). A bearer token needs no CSRF token: a browser never adds it on its own.
struct ChangeGuardMiddleware: RouterMiddleware {
    typealias Context = TriageRequestContext
    let auth: ReviewerAuth

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        try auth.checkOrigin(request)
        guard request.headers[.authorization] == nil else { return try await next(request, context) }
        guard let session = ReviewerAuth.session(request) else { throw HTTPFailure.badCSRF }
        var request = request
        let sent: String?
        if let header = request.header(ReviewerAuth.csrfHeader) {
            sent = header
        } else {
            let body = try await request.collectBody(upTo: FormBody.limit)
            sent = FormBody.fields(Data(body.readableBytesView)).last { $0.name == "csrf" }?.value
        }
        guard let sent, Secrets.constantTimeEqual(sent, Secrets.csrfToken(session: session)) else {
            throw HTTPFailure.badCSRF
        }
        return try await next(request, context)
    }
}

/// Admin routes: the signed-in reviewer must be an admin (403).
struct AdminMiddleware: RouterMiddleware {
    typealias Context = TriageRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard try context.signedIn().role == .admin else { throw HTTPFailure.forbidden }
        return try await next(request, context)
    }
}
