import Foundation
import TriageCore

/// Reads a JSON Lines case file; the first bad line stops the load with its line and field.
struct CaseFileReader {
    let file: URL
    let task: AITask

    func read() throws(SuiteError) -> [EvalCase] {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw SuiteError(file: file.path, message: "cannot read cases file")
        }
        var cases: [EvalCase] = []
        var seen: [String: Int] = [:]
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
            let entry = try parse(line, line: number)
            if let first = seen[entry.id] {
                throw fail(number, "id", "duplicate id \"\(entry.id.prefix(60))\" (first on line \(first))")
            }
            seen[entry.id] = number
            cases.append(entry)
        }
        return cases
    }

    private func parse(_ bytes: Data.SubSequence, line: Int) throws(SuiteError) -> EvalCase {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw fail(line, nil, "not JSON: \(error)")
        }
        guard let object = value.object else { throw fail(line, nil, "not a JSON object") }
        guard case .string(let id)? = object["id"], !id.isEmpty else { throw fail(line, "id", "expected a non-empty string") }
        guard case .string(let taskName)? = object["task"] else { throw fail(line, "task", "expected a string") }
        guard taskName == task.rawValue else {
            throw fail(line, "task", "\"\(taskName.prefix(40))\" in a \(task.rawValue) suite")
        }
        guard let input = object["input"]?.object else { throw fail(line, "input", "expected an object") }
        guard let expected = object["expected"]?.object else { throw fail(line, "expected", "expected an object") }
        let tags = try self.tags(object["tags"], line: line)
        do {
            try CaseValidator(task: task).check(input: input, expected: expected)
        } catch {
            throw fail(line, error.field, error.message)
        }
        var evalCase = EvalCase(id: id, task: task, input: input, expected: expected, tags: tags)
        evalCase.provenance = object["provenance"]?.object ?? [:]  // where the case came from, kept for tools
        return evalCase
    }

    private func tags(_ value: JSONValue?, line: Int) throws(SuiteError) -> [String] {
        guard let value, !value.isNull else { return [] }
        guard let array = value.array else { throw fail(line, "tags", "expected an array of strings") }
        var tags: [String] = []
        for (index, element) in array.enumerated() {
            guard case .string(let tag) = element else { throw fail(line, "tags[\(index)]", "expected a string") }
            tags.append(tag)
        }
        return tags
    }

    private func fail(_ line: Int, _ field: String?, _ message: String) -> SuiteError {
        SuiteError(file: file.path, line: line, field: field, message: message)
    }
}
