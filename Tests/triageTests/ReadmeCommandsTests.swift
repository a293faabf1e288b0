import ArgumentParser
import Foundation
import Testing

@testable import TriageCommands

/// The command library, called in-process: every `triage` line the README shows parses, and a mistyped subcommand
/// gets the nearest real one.
@Suite
struct ReadmeCommandsTests {
    /// Every `triage …` command in the README's code blocks, split into words (comments, `&`, `;` and `wait` dropped).
    static func readmeCommands() throws -> [[String]] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        var commands: [[String]] = []
        var inCode = false
        for line in try String(contentsOf: readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inCode.toggle()
                continue
            }
            guard inCode else { continue }
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            for part in code.split(whereSeparator: { $0 == "&" || $0 == ";" }) {
                let words = part.split(separator: " ").map(String.init)
                guard let first = words.first, first == "triage" || first.hasSuffix("/triage") else { continue }
                commands.append(Array(words.dropFirst()))
            }
        }
        return commands
    }

    @Test("every triage command the README shows parses")
    func readmeCommandsParse() throws {
        let commands = try Self.readmeCommands()
        #expect(commands.count >= 15, "found \(commands.count) README commands")
        for words in commands {
            #expect(throws: Never.self, "triage \(words.joined(separator: " "))") {
                _ = try Triage.parseAsRoot(words)
            }
        }
        #expect(throws: (any Error).self, "an unknown flag fails to parse") {
            _ = try Triage.parseAsRoot(["status", "--no-such-flag"])
        }
    }

    @Test("a mistyped subcommand names the nearest one, at any depth; a real one gets no message")
    func suggestions() {
        let top = CommandSuggestion.message(for: ["statu"], root: Triage.self)
        #expect(top?.contains("Did you mean 'status'?") == true)
        let nested = CommandSuggestion.message(for: ["outbox", "delivr"], root: Triage.self)
        #expect(nested?.contains("'triage outbox delivr' is not a command. Did you mean 'deliver'?") == true)
        #expect(CommandSuggestion.message(for: ["outbox", "deliver", "--db", "x"], root: Triage.self) == nil)
    }
}
