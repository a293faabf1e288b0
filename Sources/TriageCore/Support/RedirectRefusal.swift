import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A task delegate that never follows an HTTP redirect: the 3xx itself becomes the response. Outbox messages and
/// model calls carry credentials (`Authorization`, API keys); a receiver that answers `307 Location: elsewhere`
/// must not get them re-sent to a host nobody configured.
public final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    /// One instance serves every task: it holds no state.
    public static let shared = RedirectRefusal()

    public func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    /// The `Location` a redirect answer points to, for the error that refuses it.
    public static func location(of response: HTTPURLResponse) -> String {
        let location = response.value(forHTTPHeaderField: "Location") ?? "(no Location header)"
        return String(location.prefix(200))
    }
}
