import Foundation
import Testing
import TriageCore

/// The fast paths ingest takes must answer as the general ones do.
@Suite("Prepared payload text and ASCII ids")
struct PreparedTextTests {
    static let exception = NewException(
        source: "gateway", eventID: "e-1", kind: .paymentDrift, occurredAt: Date(timeIntervalSince1970: 1_790_000_000),
        payload: ["gateway_status": "captured", "amount": .number(12.5), "lines": .array([.object(["sku": "A\"1"])])])

    @Test("a payload's text written ahead equals the one written on demand, and a prepared exception equals its original")
    func prepared() throws {
        var prepared = Self.exception
        prepared.preparePayloadText()
        #expect(prepared.preparedPayloadText == JSONValue.object(Self.exception.payload).serialized)
        #expect(prepared.payloadText == Self.exception.payloadText)
        #expect(prepared == Self.exception && prepared.hashValue == Self.exception.hashValue)
        let encoded = try JSONCoding.string(prepared)
        #expect(encoded == (try JSONCoding.string(Self.exception)) && !encoded.contains("prepared"))
    }

    @Test("changing the payload drops the prepared text")
    func changedPayload() {
        var prepared = Self.exception
        prepared.preparePayloadText()
        prepared.payload["gateway_status"] = "refunded"
        #expect(prepared.preparedPayloadText == nil)
        #expect(prepared.payloadText.contains("refunded"))
    }

    @Test("printable ASCII ids take the fast path to the same answer as the Unicode reading", arguments: 0..<200)
    func asciiIDs(seed: Int) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<(seed % 24)).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
        let text = String(decoding: bytes, as: UTF8.self)
        let expected = text.unicodeScalars.first { $0.properties.generalCategory == .control }
        #expect((IdentifierText.problem(text) == nil) == (expected == nil), "\(bytes)")
    }
}
