import Foundation
import Testing
import TriageCore
@testable import TriageRules

@Suite("Embedded rules")
struct EmbeddedRulesTests {
    @Test("the compiled-in routing table equals rules.yaml byte for byte (run scripts/embed-defaults after an edit)")
    func embeddedEqualsShippedFile() throws {
        let shipped = try String(contentsOf: Samples.repositoryRoot.appendingPathComponent("rules.yaml"), encoding: .utf8)
        #expect(RoutingTable.embeddedYAML == shipped)
    }

    @Test("the built-in table loads and has the shipped rules")
    func embeddedLoads() throws {
        let embedded = try RoutingTable.load(from: .embedded)
        let file = try RoutingTable.load(contentsOf: Samples.repositoryRoot.appendingPathComponent("rules.yaml"))
        #expect(embedded.rules.map(\.id) == file.rules.map(\.id))
        #expect(!embedded.rules.isEmpty)
    }

    @Test("a rules file named but missing fails with its path")
    func missingFileNamed() {
        #expect {
            _ = try RoutingTable.load(from: .flag(path: "/nonexistent/rules.yaml"))
        } throws: { error in
            String(describing: error).contains("/nonexistent/rules.yaml")
        }
    }
}
