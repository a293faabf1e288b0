import Foundation
import HTTPTypes
import Hummingbird
import TriageCore

/// An error that becomes one HTTP status and a one-line message; nothing else (no stack, no SQL) reaches a client.
/// As an `HTTPResponseError` it answers in the API's one error shape, `{"error": "…"}`.
public struct HTTPFailure: HTTPResponseError, Sendable {
    /// The status sent.
    public let status: HTTPResponse.Status
    /// The message sent.
    public let message: String

    /// Creates a failure.
    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The JSON error response: `{"error": message}` with the failure's status and the security headers.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Responses.error(self)
    }

    static let unauthenticated = HTTPFailure(.unauthorized, "sign in: a bearer token or a session is required")
    static let forbidden = HTTPFailure(.forbidden, "your role does not allow this")
    static let badCSRF = HTTPFailure(.forbidden, "the form is stale or forged (CSRF token mismatch); reload the page")

    /// Maps review errors to their statuses; any other error is a 500 with a generic message.
    static func from(_ error: any Error) -> HTTPFailure {
        switch error {
        case let failure as HTTPFailure: return failure
        case let review as ReviewError:
            switch review {
            case .cardNotFound: return HTTPFailure(.notFound, review.description)
            case .lockedBy, .notDecidable, .stalePlan, .duplicate, .notBulkAcceptable: return HTTPFailure(.conflict, review.description)
            case .notLockHolder, .otherTeam: return HTTPFailure(.forbidden, review.description)
            case .invalid: return HTTPFailure(.unprocessableContent, review.description)
            case .unreadableSuggestion: return HTTPFailure(.internalServerError, "internal error; the server log has the details")
            }
        case let rejection as WebhookRejection:
            switch rejection {
            case .missingSignature: return HTTPFailure(.unauthorized, "signature missing or malformed")
            case .badSignature: return HTTPFailure(.unauthorized, "signature does not match")
            case .stale: return HTTPFailure(.unauthorized, "event outside the replay window")
            case .malformedTimestamp: return HTTPFailure(.badRequest, "the signed timestamp must be whole Unix seconds")
            }
        case let response as any HTTPResponseError where response.status == .contentTooLarge:
            return HTTPFailure(.contentTooLarge, "the body is larger than this route accepts")
        default: return HTTPFailure(.internalServerError, "internal error; the server log has the details")
        }
    }
}
