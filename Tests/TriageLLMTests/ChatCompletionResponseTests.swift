import Foundation
import Testing
import TriageCore

@testable import TriageLLM

@Suite("ChatCompletionResponse")
struct ChatCompletionResponseTests {
    @Test func readsContentModelAndUsage() throws {
        let body = Data(StubBodies.completion(content: "{}", model: "served", prompt: 11, completion: 3).utf8)
        let reply = try ChatCompletionResponse.reply(from: body, model: "asked", latencySeconds: 1.5, fromCache: true)
        #expect(
            reply
                == ChatReply(
                    content: "{}", model: "served", promptTokens: 11, completionTokens: 3, latencySeconds: 1.5,
                    fromCache: true))
    }

    /// Probe 23.8: a 60 MB reply left a worker parsing for 13 minutes; a body over the cap is refused unread.
    @Test func aHugeReplyIsRefusedBeforeParsing() {
        let huge = StubBodies.completion(content: String(repeating: "a", count: 2 << 20), model: "m", prompt: 1, completion: 1)
        #expect {
            try ChatCompletionResponse.reply(from: Data(huge.utf8), model: "m", latencySeconds: 0, fromCache: false)
        } throws: { error in
            (error as? ChatError)?.description.contains("limit") == true
        }
    }

    @Test func missingModelAndUsageFallBack() throws {
        let body = Data(#"{"choices":[{"message":{"content":"x"}}]}"#.utf8)
        let reply = try ChatCompletionResponse.reply(from: body, model: "asked", latencySeconds: 0, fromCache: false)
        #expect(reply.model == "asked")
        #expect(reply.promptTokens == 0 && reply.completionTokens == 0)
    }

    @Test(arguments: ["not json", "{}", #"{"choices":[]}"#, #"{"choices":[{"message":{"content":null}}]}"#, "[1]"])
    func malformedBodiesAreInvalidResponses(body: String) {
        #expect {
            try ChatCompletionResponse.reply(from: Data(body.utf8), model: "m", latencySeconds: 0, fromCache: false)
        } throws: { error in
            guard case .invalidResponse(let model, _) = error as? ChatError else { return false }
            return model == "m"
        }
    }
}
