import Foundation
import Testing

@testable import TriageCore

@Suite struct ExceptionFileReaderTests {
    static let goodLine =
        #"{"source":"gateway","event_id":"e1","kind":"payment_drift","occurred_at":"2026-11-02T10:00:00Z","order_number":"100231","payload":{"gateway_status":"captured"},"extra":7}"#

    @Test func readsGoodLinesAndKeepsUnknownKeysInPayload() throws {
        let file = ExceptionFileReader.readJSONLines(Data(Self.goodLine.utf8), fileName: "x.jsonl")
        #expect(file.rejected.isEmpty)
        let exception = try #require(file.exceptions.first?.exception)
        #expect(exception.kind == .paymentDrift)
        #expect(exception.orderNumber == "100231")
        #expect(exception.payload["gateway_status"] == "captured")
        #expect(exception.payload["extra"] == 7)
    }

    @Test func rejectsEachBadLineByLineAndFieldAndKeepsTheRest() {
        let lines = [
            Self.goodLine,
            #"{"source":"gateway","event_id":"e2","kind":"payment_drift""#,
            #"{"source":"gateway","kind":"payment_drift","occurred_at":"2026-11-02T10:00:00Z"}"#,
            "",
            #"{"source":"gateway","event_id":"e4","kind":"teleport","occurred_at":"2026-11-02T10:00:00Z"}"#,
            #"{"source":"gateway","event_id":"e5","kind":"payment_drift","occurred_at":"yesterday"}"#,
            Self.goodLine.replacingOccurrences(of: "\"e1\"", with: "\"e6\""),
        ]
        let file = ExceptionFileReader.readJSONLines(Data(lines.joined(separator: "\n").utf8), fileName: "x.jsonl")
        #expect(file.exceptions.map(\.line) == [1, 7])
        #expect(file.rejected.map(\.line) == [2, 3, 5, 6])
        #expect(file.rejected.map(\.field) == [nil, "event_id", "kind", "occurred_at"])
        #expect(file.rejected[1].description == #"x.jsonl:3: field "event_id": missing"#)
    }

    @Test func readsCSVWithQuotedCellsAndExtraColumnsAsPayload() throws {
        let csv = #"""
            source,event_id,kind,occurred_at,order_number,text,sku
            erp,i1,inventory_drift,2026-11-02T09:00:00Z,,"multi
            line, ""quoted""",SKU-1
            erp,,inventory_drift,2026-11-02T09:00:00Z,,,SKU-2
            erp,i3,inventory_drift
            """#
        let file = ExceptionFileReader.readCSV(csv, fileName: "x.csv")
        let exception = try #require(file.exceptions.first?.exception)
        #expect(exception.text == "multi\nline, \"quoted\"")
        #expect(exception.payload["sku"] == "SKU-1")
        #expect(file.rejected.map(\.line) == [4, 5])
        #expect(file.rejected.first?.field == "event_id")
    }
}
