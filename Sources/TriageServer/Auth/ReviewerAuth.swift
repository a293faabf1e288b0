import Foundation
import HTTPTypes
import Hummingbird
import TriageCore

/// Who is asking: a bearer token (API) or a session cookie (page). Only hashes are looked up.
struct ReviewerAuth: Sendable {
    static let cookieName = "triage_session"
    /// The header a cookie-authenticated API call carries its CSRF token in.
    static let csrfHeader = "X-CSRF-Token"

    let store: any ReviewStore
    let settings: ServerSettings
    let now: @Sendable () -> Date

    /// The reviewer behind the request, or 401.
    func reviewer(_ request: Request) async throws -> Reviewer {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                let reviewer = try await store.reviewer(tokenHash: Secrets.hash(String(parts[1])))
            else { throw HTTPFailure.unauthenticated }
            return reviewer
        }
        guard let session = Self.session(request),
            let reviewer = try await store.reviewer(sessionHash: Secrets.hash(session), now: now())
        else { throw HTTPFailure.unauthenticated }
        return reviewer
    }

    /// Signs in with a token: a new session, returned with its cookie header.
    func signIn(token: String) async throws -> (Reviewer, session: String, cookie: String)? {
        guard let reviewer = try await store.reviewer(tokenHash: Secrets.hash(token.trimmingCharacters(in: .whitespaces)))
        else { return nil }
        let session = Secrets.newToken()
        try await store.startSession(
            reviewerID: reviewer.id, sessionHash: Secrets.hash(session), expires: now().addingTimeInterval(settings.sessionSeconds))
        return (reviewer, session, cookie(session, maxAge: Int(settings.sessionSeconds)))
    }

    /// Ends the request's session; returns the header that clears the cookie.
    func signOut(_ request: Request) async throws -> String {
        if let session = Self.session(request) { try await store.endSession(sessionHash: Secrets.hash(session)) }
        return cookie("", maxAge: 0)
    }

    /// A present `Origin` must name this server: the address it is configured on, a public origin the operator
    /// named, or the request's own authority when that is a loopback or configured host. The request's `Host`
    /// alone is never trusted: a rebound DNS name sends `Host` and `Origin` of the attacker's choosing alike.
    func checkOrigin(_ request: Request) throws {
        guard let origin = request.header("Origin") else { return }
        let authority = origin.range(of: "://").map { String(origin[$0.upperBound...]) } ?? ""
        let configured = ["\(settings.host):\(settings.port)"] + settings.publicOrigins
        let ownHost = authority == request.head.authority && Self.trustedHosts(settings).contains(Self.host(of: authority))
        guard !authority.isEmpty, configured.contains(authority) || ownHost else {
            throw HTTPFailure(.forbidden, "cross-origin requests are refused")
        }
    }

    /// Hosts the server answers as itself: loopback, the bound address and the public origins' hosts.
    static func trustedHosts(_ settings: ServerSettings) -> Set<String> {
        Set(["127.0.0.1", "localhost", "[::1]", settings.host] + settings.publicOrigins.map(host(of:)))
    }

    /// The host of an authority (`host:port`, `[v6]:port`), lower case.
    static func host(of authority: String) -> String {
        let lower = authority.lowercased()
        if lower.hasPrefix("["), let end = lower.firstIndex(of: "]") { return String(lower[...end]) }
        return String(lower.split(separator: ":", maxSplits: 1).first ?? "")
    }

    /// The session id from the request's cookies.
    static func session(_ request: Request) -> String? {
        guard let value = request.cookies[cookieName]?.value, !value.isEmpty else { return nil }
        return value
    }

    private func cookie(_ value: String, maxAge: Int) -> String {
        "\(Self.cookieName)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict"
            + (settings.secureCookies ? "; Secure" : "")
    }
}
