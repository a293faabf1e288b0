import Foundation
import Testing
import TriageCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Two `triage serve` processes on one PostgreSQL database, driven over HTTP as two browsers and two API clients
/// would: a session signed in on one server works on the other, with the same CSRF token; a card locked on one is
/// held on the other; a card decided on one is decided once; signing out on one ends the session on both.
struct TwoServers {
    let database: String
    let folder: URL

    func check() async throws {
        let ana = try await Self.addUser("ana", team: "customer_ops", database)
        let bo = try await Self.addUser("bo", team: "customer_ops", database)
        let (first, second) = (try Server.start(database, folder, "a"), try Server.start(database, folder, "b"))
        defer { first.stop(); second.stop() }
        let (a, b) = (try await first.client(), try await second.client())

        let cookie = try await a.signIn(token: ana)
        #expect(
            try await b.get("/api/v1/me", cookie: cookie).json?["name"]?.text == "ana", "the session is in the database"
        )
        let page = try await b.get("/", cookie: cookie)
        let csrf = try #require(
            page.body.firstMatch(of: /name="csrf" value="([0-9a-f]+)"/)?.1, "a CSRF field on the queue")

        let queue = try await a.get("/api/v1/cards?limit=5", bearer: ana)
        let cardID = Int64(try #require(queue.json?["cards"]?.array?.first?["card"]?["id"]?.number))
        #expect(try await a.post("/api/v1/cards/\(cardID)/lock", bearer: ana).status == 200)
        #expect(try await b.get("/api/v1/cards/\(cardID)", bearer: bo).json?["context"]?["lockedBy"]?.text == "ana")
        #expect(try await b.post("/api/v1/cards/\(cardID)/reject", bearer: bo, json: #"{"reason":"x"}"#).status == 409)
        let withoutToken = try await b.post(
            "/api/v1/cards/\(cardID)/reject", cookie: cookie, json: #"{"reason":"dup"}"#)
        #expect(withoutToken.status == 403, "a cookie without its CSRF token is refused")
        let decided = try await b.post(
            "/api/v1/cards/\(cardID)/reject", cookie: cookie, csrf: String(csrf), json: #"{"reason":"not ours"}"#)
        #expect(decided.status == 200, "\(decided.body)")
        #expect(try await a.post("/api/v1/cards/\(cardID)/reject", bearer: ana, json: #"{"reason":"x"}"#).status == 409)
        let view = try await a.get("/api/v1/cards/\(cardID)", bearer: bo)
        #expect(view.json?["context"]?["decisions"]?.array?.count == 1)
        #expect(view.json?["context"]?["lockedBy"]?.text == nil, "deciding released the lock")

        #expect(try await b.postForm("/logout", cookie: cookie, form: "csrf=\(csrf)").status == 303)
        #expect(try await a.get("/api/v1/me", cookie: cookie).status == 401, "signed out on both servers")
    }

    /// Adds a user with `triage users add` and returns the token it prints once.
    static func addUser(_ name: String, team: String, _ database: String) async throws -> String {
        let added = try await TriageProcess.run(["users", "add", name, "--team", team, "--db", database])
        #expect(added.status == 0, "\(added.stderr)")
        return try #require(added.stdout.firstMatch(of: /token \(shown once, store it now\): (\S+)/)?.1).description
    }
}

/// A `triage serve` process on a free port, its output in a file.
struct Server {
    let process: Process
    let output: URL

    static func start(_ database: String, _ folder: URL, _ name: String) throws -> Server {
        let output = folder.appendingPathComponent("serve-\(name).out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = TriageProcess.binary
        process.arguments = ["serve", "--db", database, "--port", "0"]
        process.currentDirectoryURL = TriageProcess.repositoryRoot
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = process.standardOutput
        try process.run()
        return Server(process: process, output: output)
    }

    /// A client of the server once it prints its address (it waits up to a minute).
    func client() async throws -> HTTPClient {
        for _ in 0..<600 {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let port = text.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//)?.1 {
                return HTTPClient(port: String(port))
            }
            #expect(process.isRunning, "serve exited: \(text)")
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServerDidNotStart(output: (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    struct ServerDidNotStart: Error { let output: String }
}

/// Plain HTTP to one server: no redirects followed, no cookies kept, so each request says who it is.
struct HTTPClient {
    let port: String

    struct Reply {
        let status: Int
        let body: String
        let headers: [AnyHashable: Any]
        var json: JSONValue? { try? JSONParser.parse(Array(body.utf8)) }
    }

    func get(_ path: String, bearer: String? = nil, cookie: String? = nil) async throws -> Reply {
        try await send("GET", path, bearer: bearer, cookie: cookie)
    }

    func post(
        _ path: String, bearer: String? = nil, cookie: String? = nil, csrf: String? = nil, json: String? = nil
    ) async throws -> Reply {
        try await send("POST", path, bearer: bearer, cookie: cookie, csrf: csrf, body: json, type: "application/json")
    }

    func postForm(_ path: String, cookie: String, form: String) async throws -> Reply {
        try await send("POST", path, cookie: cookie, body: form, type: "application/x-www-form-urlencoded")
    }

    /// Signs in with a token on the page's form; returns the session cookie (`name=value`).
    func signIn(token: String) async throws -> String {
        let reply = try await postForm("/login", cookie: "", form: "token=\(token)")
        #expect(reply.status == 303)
        let header = try #require(reply.headers.first { "\($0.key)".lowercased() == "set-cookie" }?.value as? String)
        return String(header.split(separator: ";")[0])
    }

    private static let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)

    private func send(
        _ method: String, _ path: String, bearer: String? = nil, cookie: String? = nil, csrf: String? = nil,
        body: String? = nil, type: String? = nil
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        if let cookie, !cookie.isEmpty { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        if let csrf { request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
        if let body { request.httpBody = Data(body.utf8) }
        if let type { request.setValue(type, forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await Self.session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Reply(
            status: http.statusCode, body: String(decoding: data, as: UTF8.self), headers: http.allHeaderFields)
    }
}

/// Hands a redirect back to the caller instead of following it.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
