import Foundation
import TriageCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A throwaway OpenAI-compatible client for manual measurements against a local endpoint; only used when
/// `TRIAGE_LIVE_LLM` names a base URL. Unit tests never use it.
struct LiveChat: ChatClient {
    let base: URL
    let model: String

    func complete(_ request: ChatRequest) async throws(ChatError) -> ChatReply {
        let started = Date()
        do {
            var http = URLRequest(url: base.appendingPathComponent("chat/completions"))
            http.httpMethod = "POST"
            http.setValue("application/json", forHTTPHeaderField: "Content-Type")
            http.timeoutInterval = 120
            let body: JSONValue = [
                "model": .string(model), "temperature": 0, "max_tokens": .number(Double(request.maxTokens)),
                "messages": .array(request.messages.map { ["role": .string($0.role), "content": .string($0.content)] }),
                "response_format": [
                    "type": "json_schema",
                    "json_schema": ["name": .string(request.schemaName), "strict": true, "schema": request.schema],
                ],
            ]
            http.httpBody = try JSONEncoder().encode(body)
            let (data, _) = try await URLSession.shared.data(for: http)
            let reply = try JSONDecoder().decode(JSONValue.self, from: data)
            let content = reply["choices"]?.array?.first?["message"]?["content"]?.text ?? ""
            return ChatReply(
                content: content, model: reply["model"]?.text ?? model,
                promptTokens: Int(reply["usage"]?["prompt_tokens"]?.number ?? 0),
                completionTokens: Int(reply["usage"]?["completion_tokens"]?.number ?? 0),
                latencySeconds: Date().timeIntervalSince(started))
        } catch {
            throw .transport(model: model, message: String(describing: error).prefix(80).description)
        }
    }
}
