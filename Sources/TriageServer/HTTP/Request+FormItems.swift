import Foundation
import Hummingbird

/// `application/x-www-form-urlencoded` bodies.
enum FormBody {
    /// The most a form body may hold.
    static let limit = 65_536

    /// Every field in order, repeated names kept (checkbox lists such as `card=1&card=2`). Any bytes are read
    /// without failing: a pair whose percent-encoding is broken keeps its text as sent (a body is client input;
    /// `URLComponents` traps on such text).
    static func fields(_ body: Data) -> [(name: String, value: String)] {
        String(decoding: body, as: UTF8.self).split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension Request {
    /// Every field of a form body in order, repeated names kept.
    func formItems() async throws -> [(name: String, value: String)] {
        FormBody.fields(try await bodyData(limit: FormBody.limit))
    }

    /// A form body as name → value (the last value of a repeated name wins).
    func form() async throws -> [String: String] {
        Dictionary(try await formItems().map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    }
}
