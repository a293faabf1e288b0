import Crypto
import Foundation
import Mustache
import TriageCore

/// The prompt templates and reply schemas of the AI worker's tasks, from `prompts/<task>/` or the compiled-in copy.
///
/// Each task folder holds `prompt.mustache` and `schema.json`. The rendered template is split at the line
/// `### USER`: the text before it is the system message, the text after it the user message.
public struct PromptLibrary: Sendable {
    /// One task's template, schema and version.
    struct Prompt: Sendable {
        let template: MustacheTemplate
        let schema: JSONValue
        let version: String
    }

    let prompts: [AITask: Prompt]

    /// Loads every task's template and schema from `directory`; the error names the file that is missing or bad.
    public static func load(directory: URL) throws(PromptLibraryError) -> PromptLibrary {
        var prompts: [AITask: Prompt] = [:]
        for task in AITask.allCases {
            prompts[task] = try loadPrompt(task, directory: directory.appendingPathComponent(task.rawValue))
        }
        return PromptLibrary(prompts: prompts)
    }

    /// The prompts that ship with Triage, compiled into the binary (`scripts/embed-defaults` writes them).
    public static func embedded() throws(PromptLibraryError) -> PromptLibrary {
        var prompts: [AITask: Prompt] = [:]
        for task in AITask.allCases {
            guard let files = embeddedFiles[task.rawValue] else { throw .missingFile(path: "<embedded>/\(task.rawValue)") }
            prompts[task] = try makePrompt(
                template: Data(files.template.utf8), schema: Data(files.schema.utf8),
                templatePath: "<embedded>/\(task.rawValue)/prompt.mustache",
                schemaPath: "<embedded>/\(task.rawValue)/schema.json")
        }
        return PromptLibrary(prompts: prompts)
    }

    /// The prompt version of a task: hex SHA-256 of the template bytes followed by the schema bytes.
    public func version(of task: AITask) -> String {
        prompts[task]?.version ?? ""
    }

    /// The reply schema of a task.
    func schema(of task: AITask) -> JSONValue {
        prompts[task]?.schema ?? .object([:])
    }

    /// The system and user messages for a task rendered with `context`.
    func messages(for task: AITask, context: [String: Any]) -> [ChatMessage] {
        let rendered = prompts[task]?.template.render(context) ?? ""
        let parts = rendered.components(separatedBy: "\n### USER\n")
        let system = parts.count > 1 ? parts[0] : ""
        let user = parts.count > 1 ? parts.dropFirst().joined(separator: "\n") : rendered
        return [
            ChatMessage(role: "system", content: system.trimmingCharacters(in: .whitespacesAndNewlines)),
            ChatMessage(role: "user", content: user.trimmingCharacters(in: .whitespacesAndNewlines)),
        ]
    }

    private static func loadPrompt(_ task: AITask, directory: URL) throws(PromptLibraryError) -> Prompt {
        let templateURL = directory.appendingPathComponent("prompt.mustache")
        let schemaURL = directory.appendingPathComponent("schema.json")
        return try makePrompt(
            template: try read(templateURL), schema: try read(schemaURL),
            templatePath: templateURL.path, schemaPath: schemaURL.path)
    }

    private static func makePrompt(
        template templateData: Data, schema schemaData: Data, templatePath: String, schemaPath: String
    ) throws(PromptLibraryError) -> Prompt {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: String(decoding: templateData, as: UTF8.self))
        } catch {
            throw .invalidTemplate(path: templatePath, message: String(describing: error))
        }
        let schema: JSONValue
        do {
            schema = try JSONDecoder().decode(JSONValue.self, from: schemaData)
        } catch {
            throw .unparsableSchema(path: schemaPath, message: String(describing: error))
        }
        guard schema.object != nil else { throw .invalidSchema(path: schemaPath) }
        let digest = SHA256.hash(data: templateData + schemaData)
        let version = Hex.string(digest)
        return Prompt(template: template, schema: schema, version: version)
    }

    private static func read(_ url: URL) throws(PromptLibraryError) -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .missingFile(path: url.path) }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, message: String(describing: error))
        }
    }
}

/// Why the prompt library could not be loaded.
public enum PromptLibraryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A task's template or schema file does not exist.
    case missingFile(path: String)
    /// A file exists but could not be read.
    case unreadable(path: String, message: String)
    /// The template is not valid Mustache.
    case invalidTemplate(path: String, message: String)
    /// The schema is not a JSON object.
    case invalidSchema(path: String)
    /// The reply schema is not JSON at all.
    case unparsableSchema(path: String, message: String)

    /// A message naming the file.
    public var description: String {
        switch self {
        case .missingFile(let path): "prompt file missing: \(path)"
        case .unreadable(let path, let message): "prompt file unreadable: \(path): \(message)"
        case .invalidTemplate(let path, let message): "prompt template invalid: \(path): \(message)"
        case .invalidSchema(let path): "reply schema is not a JSON object: \(path)"
        case .unparsableSchema(let path, let message): "reply schema is not JSON: \(path): \(message)"
        }
    }
}
