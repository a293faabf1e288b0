import Hummingbird
import Logging

/// Turns any error a JSON route throws into an ``HTTPFailure`` (an `HTTPResponseError` with the API's one error
/// shape, `{"error": "…"}`); an unexpected error is logged with the error itself and answered as a generic 500.
struct JSONErrorMiddleware: RouterMiddleware {
    typealias Context = TriageRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do { return try await next(request, context) } catch {
            throw HTTPFailure.logged(error, logger: logger, path: request.uri.path)
        }
    }
}

/// Pages answer errors as HTML: a 401 goes to sign-in, anything else is a short page with no internals.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = TriageRequestContext
    let logger: Logger
    let render: @Sendable (HTTPFailure) -> Response

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do { return try await next(request, context) } catch {
            let failure = HTTPFailure.logged(error, logger: logger, path: request.uri.path)
            return failure.status == .unauthorized ? Responses.redirect("/login") : render(failure)
        }
    }
}

extension HTTPFailure {
    /// The failure for `error`, logging an unexpected one (a 500) with the error itself; the client sees only a
    /// generic message.
    static func logged(_ error: any Error, logger: Logger, path: String) -> HTTPFailure {
        let failure = from(error)
        if failure.status == .internalServerError {
            logger.error("request failed", metadata: ["path": "\(path)", "error": "\(error)", "type": "\(type(of: error))"])
        }
        return failure
    }
}
