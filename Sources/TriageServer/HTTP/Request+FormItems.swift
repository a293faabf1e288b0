import Foundation
import Hummingbird

extension Request {
    /// Every field of a URL-encoded form body in order, repeated names kept (checkbox lists such as `card=1&card=2`).
    func formItems() async throws -> [(name: String, value: String)] {
        let text = String(decoding: try await bodyData(limit: 65_536), as: UTF8.self)
        var components = URLComponents()
        components.percentEncodedQuery = text.replacingOccurrences(of: "+", with: "%20")
        return (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }
}
