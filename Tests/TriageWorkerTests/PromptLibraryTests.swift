import Foundation
import Testing
import TriageCore
@testable import TriageWorker

@Suite("Prompt library")
struct PromptLibraryTests {
    func copyOfPrompts() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prompts-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestWorld.prompts, to: folder)
        return folder
    }

    @Test("the version is a SHA-256 that changes when the template changes")
    func versionFollowsTemplate() throws {
        let folder = try copyOfPrompts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try PromptLibrary.load(directory: folder).version(of: .invoice)
        let file = folder.appendingPathComponent("invoice/prompt.mustache")
        try (try String(contentsOf: file, encoding: .utf8) + "\nBe brief.").write(to: file, atomically: true, encoding: .utf8)
        let after = try PromptLibrary.load(directory: folder).version(of: .invoice)
        #expect(before.count == 64)
        #expect(before != after)
        #expect(try PromptLibrary.load(directory: folder).version(of: .warranty) == TestWorld.library().version(of: .warranty))
    }

    @Test("a missing schema is an error naming the file")
    func missingFileNamed() throws {
        let folder = try copyOfPrompts()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("warranty/schema.json"))
        #expect {
            _ = try PromptLibrary.load(directory: folder)
        } throws: { error in
            String(describing: error).contains("warranty/schema.json")
        }
    }

    @Test("every reply schema bounds every string")
    func schemasBoundStrings() throws {
        let library = try TestWorld.library()
        for task in AITask.allCases {
            let properties = library.schema(of: task)["properties"]?.object ?? [:]
            #expect(!properties.isEmpty)
            for (_, property) in properties where property["type"]?.text == "string" {
                #expect(property["maxLength"]?.number != nil)
            }
        }
    }
}
