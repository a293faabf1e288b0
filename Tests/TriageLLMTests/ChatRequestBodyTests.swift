import Foundation
import Testing
import TriageCore

@testable import TriageLLM

@Suite("ChatRequestBody")
struct ChatRequestBodyTests {
    @Test func bodyIsAStrictJSONSchemaChatCompletionRequest() throws {
        let body = ChatRequestBody(model: "m", request: Fixtures.request(maxTokens: 64))
        let json = try JSONDecoder().decode(JSONValue.self, from: body.data)
        #expect(json["model"] == "m")
        #expect(json["temperature"] == 0)
        #expect(json["max_tokens"] == 64)
        #expect(json["messages"]?.array?.count == 2)
        #expect(json["messages"]?.array?.last?["content"] == .string(Fixtures.prompt))
        #expect(json["response_format"]?["type"] == "json_schema")
        #expect(json["response_format"]?["json_schema"]?["name"] == "return_match")
        #expect(json["response_format"]?["json_schema"]?["strict"] == true)
        #expect(json["response_format"]?["json_schema"]?["schema"] == Fixtures.schema)
    }

    @Test func bodyTextIsCanonical() {
        let body = ChatRequestBody(model: "m", request: Fixtures.request(maxTokens: 64))
        #expect(body.text.hasPrefix(#"{"max_tokens":64,"messages":[{"content":"Answer with JSON.","role":"system"}"#))
        #expect(body.text.contains(#""temperature":0}"#))
    }

    @Test func cacheKeyIsStableAcrossDictionaryOrdering() {
        let keys = (0..<40).map { "field\($0)" }
        var forward = [String: JSONValue](minimumCapacity: 64)
        for key in keys { forward[key] = .string(key) }
        var backward = [String: JSONValue](minimumCapacity: 512)
        for key in keys.reversed() { backward[key] = .string(key) }
        #expect(Array(forward.keys) != Array(backward.keys), "the two dictionaries should iterate differently")

        var first = Fixtures.request()
        first.schema = ["type": "object", "properties": .object(forward)]
        var second = Fixtures.request()
        second.schema = ["properties": .object(backward), "type": "object"]
        #expect(
            ChatRequestBody.cacheKey(model: "m", request: first)
                == ChatRequestBody.cacheKey(model: "m", request: second))
    }

    @Test func cacheKeyDependsOnModelAndRequest() {
        let request = Fixtures.request()
        let key = ChatRequestBody.cacheKey(model: "gemma", request: request)
        #expect(key != ChatRequestBody.cacheKey(model: "llama", request: request))
        #expect(key != ChatRequestBody.cacheKey(model: "gemma", request: Fixtures.request(maxTokens: 129)))
    }

    @Test func cacheKeyIsHexSHA256OfModelAndBody() {
        let request = Fixtures.request()
        let key = ChatRequestBody.cacheKey(model: "gemma", request: request)
        #expect(key.count == 64)
        #expect(key.allSatisfy { "0123456789abcdef".contains($0) })
        let again = ChatRequestBody.cacheKey(model: "gemma", request: request)
        #expect(key == again)
    }
}

@Suite("CanonicalJSON")
struct CanonicalJSONTests {
    @Test func sortsKeysAndDropsWhitespace() {
        let value: JSONValue = ["b": [1, 2.5, true, nil], "a": ["d": "x", "c": "y"]]
        #expect(CanonicalJSON.string(value) == #"{"a":{"c":"y","d":"x"},"b":[1,2.5,true,null]}"#)
    }

    @Test func escapesStringsAsJSON() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{07} slash / é 🙂"
        let encoded = CanonicalJSON.string(.string(text))
        #expect(encoded.contains(#"\u0007"#))
        #expect(try JSONDecoder().decode(String.self, from: Data(encoded.utf8)) == text)
    }

    @Test func numbersRoundTrip() throws {
        let value: JSONValue = [0, -3, 1e20, 0.1, -2.75, 12345678.9]
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(CanonicalJSON.string(value).utf8))
        #expect(decoded == value)
        #expect(CanonicalJSON.string(.number(.nan)) == "null")
    }
}
