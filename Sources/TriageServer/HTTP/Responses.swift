import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TriageCore

/// Builds responses: JSON for the API, HTML for pages, with the headers every response carries.
enum Responses {
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONCoding.encoder()
        encoder.outputFormatting = [.sortedKeys]
        return raw(try encoder.encode(value), type: "application/json", status: status)
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var response = raw(Data(page.utf8), type: "text/html; charset=utf-8", status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    static func raw(_ data: Data, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = securityHeaders
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func redirect(_ location: String, headers: HTTPFields = [:]) -> Response {
        var all = securityHeaders
        all[.location] = location
        all.append(contentsOf: headers)
        return Response(status: .seeOther, headers: all)
    }

    /// `{"error": message}` with the failure's status; built without an encoder, so it cannot fail.
    static func error(_ failure: HTTPFailure) -> Response {
        let body = JSONValue.object(["error": .string(failure.message)]).serialized
        return raw(Data(body.utf8), type: "application/json", status: failure.status)
    }
}

extension Request {
    /// How long a request body may take to arrive in all: a client trickling a byte at a time gets 408.
    static let bodyDeadline: Duration = .seconds(15)

    /// The raw body, at most `limit` bytes, within ``bodyDeadline``.
    func bodyData(limit: Int = 1_048_576) async throws -> Data {
        let body = self.body
        return try await withThrowingTaskGroup(of: Data.self) { group in
            group.addTask { Data(try await body.collect(upTo: limit).readableBytesView) }
            group.addTask {
                try await Task.sleep(for: Self.bodyDeadline)
                throw HTTPFailure(.requestTimeout, "the request body did not arrive within \(Self.bodyDeadline)")
            }
            defer { group.cancelAll() }
            guard let data = try await group.next() else { throw CancellationError() }
            return data
        }
    }

    /// A query parameter, nil when absent or empty.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// A header by name.
    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }
}
