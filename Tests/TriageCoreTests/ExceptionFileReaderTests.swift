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

    static let header = "source,event_id,kind,occurred_at,text"

    /// stored + rejected = rows read: nothing is lost silently.
    func expectAccounted(_ file: ExceptionFile, rows: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(file.rowsRead == rows, sourceLocation: sourceLocation)
        #expect(file.exceptions.count + file.rejected.count == rows, sourceLocation: sourceLocation)
    }

    @Test func amountsOutOfRangeRejectTheRecordNamingLineAndField() {
        let lines = [
            Self.goodLine.replacingOccurrences(of: #""extra":7"#, with: #""amount":1e300"#),
            Self.goodLine.replacingOccurrences(of: #""extra":7"#, with: #""refund_amount":"12345678901234567890""#),
            Self.goodLine.replacingOccurrences(of: #""gateway_status":"captured""#, with: #""total":"NaN""#),
            Self.goodLine.replacingOccurrences(of: #""extra":7"#, with: #""amount":"48.48""#),
        ]
        let file = ExceptionFileReader.readJSONLines(Data(lines.joined(separator: "\n").utf8), fileName: "x.jsonl")
        #expect(file.exceptions.map(\.line) == [4])
        #expect(file.rejected.map(\.line) == [1, 2, 3])
        #expect(file.rejected.map(\.field) == ["amount", "refund_amount", "payload.total"])
        #expect(file.rejected.first?.message.contains("out of range") == true)
        #expect(file.rejected.last?.message.contains("not a finite number") == true)
        expectAccounted(file, rows: 4)
    }

    @Test func csvAmountOutOfRangeIsRejectedByLineAndColumnName() {
        let csv = "source,event_id,kind,occurred_at,amount\nerp,a1,payment_drift,2026-11-02T09:00:00Z,99999999999999999\n"
        let file = ExceptionFileReader.readCSV(csv, fileName: "x.csv")
        #expect(file.rejected.map(\.line) == [2])
        #expect(file.rejected.map(\.field) == ["amount"])
        expectAccounted(file, rows: 1)
    }

    /// Probe 23.5: a quote opened on row 2 and closed on row 3 must not swallow row 3 or lose row 2 without a word.
    @Test(arguments: [
        #"erp,i2,inventory_drift,2026-11-02T09:00:00Z,closes" here"#,
        #"erp,i2,inventory_drift,2026-11-02T09:00:00Z,"closes",extra,cells"#,
    ])
    func strayQuoteIsReportedAtItsLineAndTheNextRowIsReadOnItsOwn(closingRow: String) {
        let csv = [
            Self.header,
            #"erp,i1,inventory_drift,2026-11-02T09:00:00Z,"opens here"#,
            closingRow,
            "erp,i3,inventory_drift,2026-11-02T09:00:00Z,fine",
            "erp,i4,inventory_drift,2026-11-02T09:00:00Z,also fine",
        ].joined(separator: "\n")
        let file = ExceptionFileReader.readCSV(csv, fileName: "x.csv")
        #expect(file.rejected.map(\.line).first == 2)
        #expect(file.rejected.first?.message.contains("quote opens on line 2") == true)
        #expect(file.exceptions.map(\.exception.eventID).contains("i3"))
        #expect(file.exceptions.map(\.exception.eventID).contains("i4"))
        expectAccounted(file, rows: 4)
    }

    @Test func unterminatedQuoteIsRejectedAtTheLineItOpensAndTheRowsAfterItAreRead() {
        let csv = [
            Self.header,
            "erp,i1,inventory_drift,2026-11-02T09:00:00Z,\"multi\nline\"",
            #"erp,i2,inventory_drift,2026-11-02T09:00:00Z,"never closed"#,
            "erp,i3,inventory_drift,2026-11-02T09:00:00Z,fine",
            "erp,i4,inventory_drift,2026-11-02T09:00:00Z,also fine",
        ].joined(separator: "\n")
        let file = ExceptionFileReader.readCSV(csv, fileName: "x.csv")
        #expect(file.rejected.map(\.line) == [4])
        #expect(file.rejected.first?.message.contains("quote opens on line 4 and never closes") == true)
        #expect(file.exceptions.map(\.line) == [2, 5, 6])
        #expect(file.exceptions.map(\.exception.text) == ["multi\nline", "fine", "also fine"])
        expectAccounted(file, rows: 4)
    }

    @Test("CR, CRLF and LF line ends and a BOM all read the same rows", arguments: ["\n", "\r\n", "\r"])
    func lineEndsAndBOM(_ end: String) throws {
        let rows = [
            Self.header, "erp,i1,inventory_drift,2026-11-02T09:00:00Z,\"a\(end)b\"",
            "erp,i2,inventory_drift,2026-11-02T09:00:00Z,\"say \"\"hi\"\"\"", "erp,,inventory_drift,2026-11-02T09:00:00Z,x",
        ]
        for bom in ["", "\u{FEFF}"] {
            let file = ExceptionFileReader.readCSV(bom + rows.joined(separator: end) + end, fileName: "x.csv")
            #expect(file.exceptions.map(\.line) == [2, 4], "\(bom.isEmpty ? "" : "BOM ")\(end.debugDescription)")
            #expect(file.exceptions.first?.exception.text == "a\(end)b")
            #expect(file.exceptions.last?.exception.text == "say \"hi\"")
            #expect(file.rejected.map(\.line) == [5])
            #expect(file.rejected.map(\.field) == ["event_id"])
            expectAccounted(file, rows: 3)
        }
    }

    @Test func jsonLinesWithABOMAndCRLFReadEveryLine() {
        let second = Self.goodLine.replacingOccurrences(of: "\"e1\"", with: "\"e2\"")
        let data = Data(("\u{FEFF}" + Self.goodLine + "\r\n" + second + "\r\n").utf8)
        let file = ExceptionFileReader.readJSONLines(data, fileName: "x.jsonl")
        #expect(file.rejected.isEmpty, "\(file.rejected)")
        #expect(file.exceptions.map(\.line) == [1, 2])
        expectAccounted(file, rows: 2)
    }
}

