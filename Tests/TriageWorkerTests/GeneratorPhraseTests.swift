import Foundation
import Testing

/// The worker's parsers are written for how people write, not for how the demo generator writes: no phrase of three
/// or more words from a string in `Sources/TriageDemo` may appear in `Sources/TriageWorker` (rules, cues, doc
/// examples). The generator stays one test source among several; it is not the source of the rules.
@Suite("No generator phrases in the worker")
struct GeneratorPhraseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardizedFileURL

    @Test("no three-word phrase of the generator's strings is in the worker's sources")
    func noSharedPhrases() throws {
        let phrases = try Self.sources(in: "Sources/TriageDemo").flatMap(Self.literalPhrases)
        #expect(phrases.count > 100)
        var found: [String] = []
        for source in try Self.sources(in: "Sources/TriageWorker") {
            let text = Self.words(source)
            let padded = " " + text + " "
            for phrase in Set(phrases) where padded.contains(" " + phrase + " ") {
                found.append(phrase)
            }
        }
        #expect(found.isEmpty, "\(found)")
    }

    /// The text of every Swift file under `folder` (relative to the repository).
    static func sources(in folder: String) throws -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return try walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .map { try String(contentsOf: $0, encoding: .utf8) }
    }

    /// The pieces of string literals between interpolations and escapes, as lower-case words, when three or more.
    static func literalPhrases(_ source: String) -> [String] {
        source.matches(of: /"((?:[^"\\\n]|\\.)*)"/).flatMap { match in
            String(match.output.1).split(separator: /\\\(.*?\)|\\n|\\t/).map { words(String($0)) }
        }.filter { $0.split(separator: " ").count >= 3 }
    }

    /// Lower-case words of letters, digits and apostrophes, joined by single spaces.
    static func words(_ text: String) -> String {
        text.lowercased().matches(of: /[a-z0-9']+/).map { String($0.output) }.joined(separator: " ")
    }
}
