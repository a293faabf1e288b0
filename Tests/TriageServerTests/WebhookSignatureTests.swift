import Crypto
import Foundation
import Testing
import TriageCore

@testable import TriageServer

@Suite struct WebhookSignatureTests {
    let verifier = WebhookSignature(secret: "s3cret")
    let body = Data(#"{"id":1,"financial_status":"paid"}"#.utf8)

    @Test func shopifySignatureOfTheRawBodyIsAccepted() throws {
        // Known vector: base64(HMAC-SHA256("s3cret", body)), computed independently with Python's hmac module.
        let header = verifier.shopifyHeader(body: body)
        #expect(header == "jc/wzqIhLymKMJ7O3o5x4bGBYBWZzO+4GKkBB+OLVUw=")
        try verifier.verifyShopify(body: body, header: header)
    }

    @Test func tamperedBodyWrongSecretOrMissingHeaderIsRejected() {
        let header = verifier.shopifyHeader(body: body)
        #expect(throws: WebhookRejection.badSignature) {
            try verifier.verifyShopify(body: body + Data(" ".utf8), header: header)
        }
        #expect(throws: WebhookRejection.badSignature) {
            try WebhookSignature(secret: "other").verifyShopify(body: body, header: header)
        }
        #expect(throws: WebhookRejection.missingSignature) { try verifier.verifyShopify(body: body, header: nil) }
        #expect(throws: WebhookRejection.missingSignature) { try verifier.verifyShopify(body: body, header: "%%") }
    }

    @Test func timestampedSignatureOutsideTheReplayWindowIsStale() throws {
        let sent = Date(timeIntervalSince1970: 1_795_000_000)
        let header = verifier.timestampedHeader(body: body, time: sent)
        try verifier.verifyTimestamped(body: body, header: header, now: sent.addingTimeInterval(60))
        #expect(throws: WebhookRejection.stale(ageSeconds: 301)) {
            try verifier.verifyTimestamped(body: body, header: header, now: sent.addingTimeInterval(301))
        }
        let forged = header.replacingOccurrences(of: "t=1795000000", with: "t=1795000290")
        #expect(throws: WebhookRejection.badSignature) {
            try verifier.verifyTimestamped(body: body, header: forged, now: sent.addingTimeInterval(301))
        }
    }

    @Test("a signed but non-integer or unbounded timestamp is malformed, never a crash")
    func malformedTimestampIsRefused() throws {
        for stamp in ["nan", "1e300", "-1e300", "inf", "1795000000.5", "99999999999999999999", "0x10"] {
            let code = HMAC<SHA256>.authenticationCode(
                for: Data("\(stamp).".utf8) + body, using: SymmetricKey(data: Data("s3cret".utf8)))
            let header = "t=\(stamp),v1=" + Hex.string(code)
            #expect(throws: WebhookRejection.malformedTimestamp, "t=\(stamp)") {
                try verifier.verifyTimestamped(body: body, header: header, now: Date(timeIntervalSince1970: 1_795_000_000))
            }
        }
    }
}
