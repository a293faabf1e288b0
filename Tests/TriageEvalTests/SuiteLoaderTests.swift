import Foundation
import Testing
import TriageCore
@testable import TriageEval

@Suite("Suite loading")
struct SuiteLoaderTests {
    let manifest = #"{"name": "t", "task": "return_match", "cases": "cases/c.jsonl", "owner": "ignored"}"#
    let good = #"{"id": "r1", "task": "return_match", "input": {"customer_name": "Ann Lee"}, "expected": {"order_id": null}}"#

    func load(manifest: String, cases: String) throws -> Suite {
        let folder = try EvalWorld.temporaryFolder()
        try EvalWorld.write(cases, "cases/c.jsonl", in: folder)
        return try SuiteLoader.load(manifest: EvalWorld.write(manifest, "suite.json", in: folder))
    }

    func failure(manifest: String? = nil, cases: String) throws -> SuiteError {
        do {
            _ = try load(manifest: manifest ?? self.manifest, cases: cases)
        } catch let error as SuiteError {
            return error
        }
        throw CocoaError(.featureUnsupported)
    }

    @Test("paths resolve against the manifest's folder and unknown keys are ignored")
    func loads() throws {
        let suite = try load(manifest: manifest, cases: good + "\n\n")
        #expect(suite.name == "t" && suite.task == .returnMatch && suite.cases.count == 1)
        #expect(suite.cases[0].expected["order_id"] == .null)
    }

    @Test("a manifest without a task names the file and the field")
    func missingTask() throws {
        let error = try failure(manifest: #"{"name": "t", "cases": "cases/c.jsonl"}"#, cases: good)
        #expect(error.file.hasSuffix("suite.json") && error.field == "task" && error.message == "missing")
    }

    @Test("a manifest that is not JSON names the file and line")
    func brokenManifest() throws {
        let error = try failure(manifest: "{\n\"name\": \"t\",\n oops }", cases: good)
        #expect(error.file.hasSuffix("suite.json") && error.line == 3)
    }

    @Test("a missing fixture file names the fixture key")
    func missingFixture() throws {
        let text = #"{"name": "t", "task": "return_match", "cases": "cases/c.jsonl", "fixtures": {"orders": "nope.jsonl"}}"#
        let error = try failure(manifest: text, cases: good)
        #expect(error.field == "fixtures.orders")
    }

    @Test("a bad case names the cases file, the line and the field")
    func badCase() throws {
        let bad = #"{"id": "r2", "task": "return_match", "input": {"customer_name": "Bo"}, "expected": {}}"#
        let error = try failure(cases: good + "\n" + bad)
        #expect(error.file.hasSuffix("c.jsonl") && error.line == 2 && error.field == "expected.order_id")
        #expect(error.description.contains("c.jsonl:2: field \"expected.order_id\""))
    }

    @Test("a case of another task, a broken line and a duplicate id are rejected with their line")
    func otherProblems() throws {
        let other = #"{"id": "w", "task": "warranty", "input": {"body": "x"}, "expected": {}}"#
        #expect(try failure(cases: other).field == "task")
        #expect(try failure(cases: good + "\n{not json").line == 2)
        let duplicate = try failure(cases: good + "\n" + good)
        #expect(duplicate.line == 2 && duplicate.field == "id")
        let action = #"{"id": "i", "task": "invoice", "input": {"text": "x"}, "expected": {"action": "pay"}}"#
        let invoiceManifest = #"{"name": "t", "task": "invoice", "cases": "cases/c.jsonl"}"#
        #expect(try failure(manifest: invoiceManifest, cases: action).field == "expected.action")
    }
}
