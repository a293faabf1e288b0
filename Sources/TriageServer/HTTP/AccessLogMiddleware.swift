import Foundation
import Hummingbird
import Logging
import TriageCore

/// One log line per request: method, path, status and milliseconds.
/// The query string and headers stay out of it (a search names customers; cookies and signatures are secrets).
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = TriageRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: Int(response.status.code), since: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, status: Int(error.status.code), since: start)
            throw error
        } catch {
            log(request, status: 500, since: start)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let milliseconds = (ContinuousClock.now - start).seconds * 1000
        logger.info(
            "\(request.method) \(request.uri.path) \(status) \(String(format: "%.1f", milliseconds)) ms")
    }
}
