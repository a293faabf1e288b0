import Crypto
import Foundation
import TriageCore

/// Tokens, session ids and CSRF tokens. Only hashes of tokens and session ids are ever stored.
public enum Secrets {
    /// A new random secret: 32 bytes from the system generator, base64url without padding.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of a token or session id, hex: what the store keeps.
    public static func hash(_ secret: String) -> String {
        Hex.string(SHA256.hash(data: Data(secret.utf8)))
    }

    /// The CSRF token of a session: an HMAC of a fixed label under the session id, so it needs no storage and
    /// is worthless without the session cookie.
    public static func csrfToken(session: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("triage-csrf".utf8), using: SymmetricKey(data: Data(session.utf8)))
        return Hex.string(code)
    }

    /// Compares two strings in time that does not depend on where they differ.
    public static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let (a, b) = (Array(left.utf8), Array(right.utf8))
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
