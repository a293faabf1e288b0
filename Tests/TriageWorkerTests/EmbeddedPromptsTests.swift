import Foundation
import Testing
import TriageCore
@testable import TriageWorker

@Suite("Embedded prompts")
struct EmbeddedPromptsTests {
    @Test("the compiled-in prompts equal prompts/ byte for byte (run scripts/embed-defaults after an edit)")
    func embeddedEqualsShippedFiles() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: TestWorld.prompts.path).sorted()
        #expect(PromptLibrary.embeddedFiles.keys.sorted() == folders.filter { !$0.hasPrefix(".") })
        for (task, files) in PromptLibrary.embeddedFiles {
            let folder = TestWorld.prompts.appendingPathComponent(task)
            let template = try String(contentsOf: folder.appendingPathComponent("prompt.mustache"), encoding: .utf8)
            let schema = try String(contentsOf: folder.appendingPathComponent("schema.json"), encoding: .utf8)
            #expect(files.template == template, "prompts/\(task)/prompt.mustache differs from the embedded copy")
            #expect(files.schema == schema, "prompts/\(task)/schema.json differs from the embedded copy")
        }
    }

    @Test("the embedded library has the same prompt versions as the folder")
    func sameVersions() throws {
        let embedded = try PromptLibrary.load(from: .embedded)
        let folder = try PromptLibrary.load(from: .flag(path: TestWorld.prompts.path))
        for task in AITask.allCases {
            #expect(embedded.version(of: task) == folder.version(of: task))
            #expect(embedded.version(of: task).count == 64)
        }
    }

    @Test("a prompts folder named but missing is an error naming it, not a silent fallback")
    func missingFolderNamed() {
        #expect {
            _ = try PromptLibrary.load(from: .environment(variable: "TRIAGE_PROMPTS", path: "/nonexistent/prompts"))
        } throws: { error in
            String(describing: error).contains("/nonexistent/prompts")
        }
    }
}
