import Crypto
import Foundation
import TriageCore

/// Why a webhook was refused. Carries no secret and no body.
public enum WebhookRejection: Error, Sendable, Hashable {
    /// The signature header is missing or malformed.
    case missingSignature
    /// The signature does not match the body.
    case badSignature
    /// The event is older (or newer) than the replay window allows.
    case stale(ageSeconds: Int)
    /// The signed timestamp is not whole seconds since 1970 within range (`t=nan`, `t=1e300`).
    case malformedTimestamp
}

/// Verifies webhook signatures in constant time: Shopify's (base64 HMAC-SHA256 of the raw body) and the timestamped
/// shared-secret scheme Stripe and the returns app use (`t=UNIX,v1=hex(HMAC-SHA256(secret, "t.body"))`).
public struct WebhookSignature: Sendable {
    private let secret: Data

    /// Creates a verifier for one shared secret.
    public init(secret: String) { self.secret = Data(secret.utf8) }

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// Checks an `X-Shopify-Hmac-Sha256` header against the raw body.
    public func verifyShopify(body: Data, header: String?) throws(WebhookRejection) {
        guard let header, let expected = Data(base64Encoded: header.trimmingCharacters(in: .whitespaces)) else {
            throw .missingSignature
        }
        guard HMAC<SHA256>.isValidAuthenticationCode(expected, authenticating: body, using: key) else {
            throw .badSignature
        }
    }

    /// Checks a `t=…,v1=…` header (the returns app's and Stripe's `Stripe-Signature`): one of its `v1` values is
    /// the HMAC of `"t.body"` (Stripe sends several while a secret is rolled), and the timestamp is within `window`
    /// seconds of `now`. The timestamp must be whole seconds (digits only, at most 10 of them): anything else is
    /// refused before any arithmetic, so `t=nan` or `t=1e300` cannot trap a conversion.
    public func verifyTimestamped(body: Data, header: String?, now: Date, window: Double = 300) throws(WebhookRejection) {
        let parts = header.map(Self.parts) ?? []
        let signatures = parts.filter { $0.key == "v1" }.compactMap { Hex.bytes($0.value) }
        guard let text = parts.first(where: { $0.key == "t" })?.value, !signatures.isEmpty else {
            throw .missingSignature
        }
        let signed = Data("\(text).".utf8) + body
        let valid = signatures.contains { HMAC<SHA256>.isValidAuthenticationCode($0, authenticating: signed, using: key) }
        guard valid else { throw .badSignature }
        guard let stamp = Self.seconds(text) else { throw .malformedTimestamp }
        let age = (now.timeIntervalSince1970.rounded(.down) - Double(stamp)).clamped(to: -1e12...1e12)
        guard abs(age) <= window else { throw .stale(ageSeconds: Int(age)) }
    }

    /// Unix seconds from 1 to 10 ASCII digits; nil for signs, points, exponents, `nan` or `inf`.
    static func seconds(_ text: String) -> Int? {
        guard (1...10).contains(text.utf8.count), text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }

    /// The Shopify-style header value for a body (for senders and tests).
    public func shopifyHeader(body: Data) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: body, using: key)).base64EncodedString()
    }

    /// The timestamped header value for a body at `time` (for senders and tests).
    public func timestampedHeader(body: Data, time: Date) -> String {
        let stamp = String(Int(time.timeIntervalSince1970))
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(stamp).".utf8) + body, using: key)
        return "t=\(stamp),v1=" + Hex.string(code)
    }

    /// The `key=value` items of a header, in order; a key may repeat (`v1` does in Stripe's header).
    private static func parts(_ header: String) -> [(key: String, value: String)] {
        header.split(separator: ",").compactMap { item in
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return pair.count == 2 ? (pair[0], pair[1]) : nil
        }
    }
}

extension Double {
    /// The value limited to `range`; NaN becomes the lower bound.
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double {
        guard !isNaN else { return range.lowerBound }
        return Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}
