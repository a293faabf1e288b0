import Foundation
import Testing

@testable import TriageCore

@Suite struct JSONParserTests {
    @Test func parsesNestedValuesEscapesAndUnicode() throws {
        let text = #"{"a":[1,-2.5e2,true,false,null],"b":{"c":"x\"y\\z\n\u00e9\ud83d\ude00"}, "d" : "caf\u00e9 ok" }"#
        let value = try JSONParser.parse(Array(text.utf8))
        #expect(value["a"] == [1, -250, true, false, nil])
        #expect(value["b"]?["c"] == .string("x\"y\\z\né😀"))
        #expect(value["d"] == "café ok")
    }

    @Test func agreesWithJSONDecoderOnCanonicalOutput() throws {
        let value: JSONValue = ["k": ["n": 3, "s": "a,b", "l": [1, 2]], "t": true]
        let reparsed = try JSONParser.parse(Array(value.serialized.utf8))
        #expect(reparsed == value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(value.serialized.utf8)) == value)
    }

    @Test(arguments: ["", "{", #"{"a":}"#, "[1,]", #"{"a" 1}"#, "tru", #""\x""#, "{} x", "\"a\nb\""])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
    }
}

@Suite struct JSONLinesChunkTests {
    @Test func chunksKeepLineNumbersAcrossBoundaries() {
        let lines = (1...7).map { #"{"source":"s","event_id":"e\#($0)","kind":"payment_drift","occurred_at":"2026-01-01"}"# }
        var text = lines.joined(separator: "\n")
        text = text.replacingOccurrences(of: "\"e5\"", with: "\"e5\",oops")
        let chunks = JSONLinesReader.chunks(of: Data(text.utf8), lines: 3)
        #expect(chunks.map(\.firstLine) == [1, 4, 7])
        let files = chunks.map { ExceptionFileReader.readJSONLines($0.data, fileName: "f", firstLine: $0.firstLine) }
        #expect(files.flatMap(\.exceptions).map(\.line) == [1, 2, 3, 4, 6, 7])
        #expect(files.flatMap(\.rejected).map(\.line) == [5])
    }

    @Test func chunksCanStartSmallAndDoubleUpToTheBatchSize() {
        let text = (1...40).map { "{\"n\":\($0)}" }.joined(separator: "\n")
        let chunks = JSONLinesReader.chunks(of: Data(text.utf8), lines: 10, startingWith: 2)
        #expect(chunks.map(\.firstLine) == [1, 3, 7, 15, 25, 35])
        #expect(chunks.map { $0.data.split(separator: 0x0A).count } == [2, 4, 8, 10, 10, 6])
    }

    @Test func readsAStoredObjectAsJSONDecoderDoes() throws {
        let stored = CanonicalJSON.string(["items": [["sku": "A-1", "qty": 2]], "note": "é \"q\"\n", "n": nil])
        let decoded = try JSONDecoder().decode([String: JSONValue].self, from: Data(stored.utf8))
        #expect(try JSONParser.object(stored) == decoded)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.object("[1]") }
    }
}
