import Foundation
import Testing

@testable import TriageCore

/// Probe 23.6–23.7 and the smaller findings: ids, dates and text are rejected or read right, never changed
/// without a word.
@Suite("Ingest never changes text silently")
struct IngestTextSafetyTests {
    static func line(eventID: String = "e1", occurredAt: String = "2026-11-02T10:00:00Z", order: String = "100231") -> String {
        let object: JSONValue = [
            "source": "gateway", "event_id": .string(eventID), "kind": "payment_drift", "occurred_at": .string(occurredAt),
            "order_number": .string(order),
        ]
        return object.serialized
    }

    static func read(_ lines: [String], separator: String = "\n") -> ExceptionFile {
        ExceptionFileReader.readJSONLines(Data(lines.joined(separator: separator).utf8), fileName: "x.jsonl")
    }

    @Test("23.6: a NUL or another control character in an id rejects the record naming the field")
    func controlCharactersInIDsAreRejected() {
        let file = Self.read([Self.line(eventID: "nulid_A\u{0}x"), Self.line(eventID: "nulid_A\u{0}y"), Self.line(eventID: "esc\u{1B}[31m")])
        #expect(file.exceptions.isEmpty)
        #expect(file.rejected.map(\.field) == ["event_id", "event_id", "event_id"])
        #expect(file.rejected.first?.message.contains("U+0000") == true)
    }

    @Test("23.7: an impossible day is rejected, never rolled over to the next month")
    func impossibleDatesAreRejected() {
        for day in ["2026-02-30", "2026-02-29T10:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01"] {
            let file = Self.read([Self.line(occurredAt: day)])
            #expect(file.rejected.first?.field == "occurred_at", "\(day)")
        }
        #expect(ISODate.parse("2028-02-29") != nil, "a leap day is a day")
    }

    @Test("23.7: a Latin-1 byte or a lone surrogate rejects the line, never becomes U+FFFD silently")
    func invalidTextIsRejected() {
        var latin1 = Data(Self.line(eventID: "caf").utf8)
        latin1.insert(0xE9, at: latin1.firstRange(of: Data("caf".utf8))!.upperBound)
        let surrogate = Self.line(eventID: "s1").replacingOccurrences(of: "\"s1\"", with: #""s\ud800x""#)
        let data = latin1 + Data(("\n" + surrogate + "\n" + Self.line(eventID: "good")).utf8)
        let file = ExceptionFileReader.readJSONLines(data, fileName: "x.jsonl")
        #expect(file.exceptions.map(\.exception.eventID) == ["good"])
        #expect(file.rejected.map(\.line) == [1, 2])
        #expect(file.rejected.first?.message.contains("UTF-8") == true)
        #expect(file.rejected.last?.message.contains("surrogate") == true)
    }

    @Test("23.7: a CSV row with a byte that is not UTF-8 is rejected by its line; the other rows are stored")
    func csvWithLatin1IsReadRowByRow() {
        var data = Data("source,event_id,kind,occurred_at,text\nerp,a1,inventory_drift,2026-11-02T09:00:00Z,caf".utf8)
        data.append(0xE9)
        data.append(Data("\nerp,a2,inventory_drift,2026-11-02T09:00:00Z,fine\n".utf8))
        let file = ExceptionFileReader.readCSV(data, fileName: "x.csv")
        #expect(file.exceptions.map(\.exception.eventID) == ["a2"])
        #expect(file.rejected.map(\.line) == [2])
        #expect(file.rejected.first?.message.contains("UTF-8") == true)
    }

    @Test("23.7: JSON Lines with CR-only line ends are read line by line")
    func crOnlyLineEndsAreLines() {
        let file = Self.read([Self.line(eventID: "a"), Self.line(eventID: "b"), Self.line(eventID: "c")], separator: "\r")
        #expect(file.exceptions.map(\.exception.eventID) == ["a", "b", "c"])
        #expect(file.exceptions.map(\.line) == [1, 2, 3])
        let crlf = Self.read([Self.line(eventID: "a"), "", Self.line(eventID: "b")], separator: "\r\n")
        #expect(crlf.exceptions.map(\.line) == [1, 3])
    }

    @Test("an order number with full-width digits or a direction mark is the order it names")
    func orderNumbersAreNormalised() {
        let file = Self.read([Self.line(eventID: "w", order: "１０２３８４"), Self.line(eventID: "m", order: "\u{200F}102384\u{200E}")])
        #expect(file.exceptions.map(\.exception.orderNumber) == ["102384", "102384"])
    }

    @Test("user names: NUL and direction overrides are refused; names are compared without case")
    func userNames() throws {
        #expect(throws: ReviewError.self) { try ReviewerName.validated("ali\u{0}ce") }
        #expect(throws: ReviewError.self) { try ReviewerName.validated("\u{202E}ecila") }
        #expect(try ReviewerName.validated("  Ａlice ") == "Alice")
        #expect(ReviewerName.uniqueKey("ALICE") == ReviewerName.uniqueKey("alice"))
    }
}
