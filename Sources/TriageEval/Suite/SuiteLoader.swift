import Foundation
import TriageCore

/// Reads suite manifests and case files in the contract format, naming file, line and field on every error.
public enum SuiteLoader {
    /// Loads the manifest at `url`, resolving its paths against the manifest's folder, and its cases.
    public static func load(manifest url: URL) throws(SuiteError) -> Suite {
        let path = url.path
        let object = try manifestObject(url)
        let name = try requiredString(object, "name", file: path)
        let taskName = try requiredString(object, "task", file: path)
        guard let task = AITask(rawValue: taskName) else {
            throw SuiteError(file: path, field: "task", message: "unknown task \"\(taskName.prefix(40))\"; "
                + "expected one of \(AITask.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let folder = url.deletingLastPathComponent()
        let casesFile = resolve(try requiredString(object, "cases", file: path), against: folder)
        let fixtures = try fixtureMap(object["fixtures"], folder: folder, file: path)
        let cases = try CaseFileReader(file: casesFile, task: task).read()
        return Suite(name: name, task: task, manifest: url, casesFile: casesFile, fixtures: fixtures, cases: cases)
    }

    /// Every `*.json` manifest directly inside `directory`, sorted by name.
    public static func manifests(in directory: URL) throws(SuiteError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw SuiteError(file: directory.path, message: "cannot list suites folder")
        }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// A manifest-relative path as a file URL; absolute paths stay as they are.
    static func resolve(_ path: String, against folder: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path).standardizedFileURL
    }

    private static func manifestObject(_ url: URL) throws(SuiteError) -> [String: JSONValue] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SuiteError(file: url.path, message: "cannot read manifest")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            let line = data.prefix(error.offset).filter { $0 == 0x0A }.count + 1
            throw SuiteError(file: url.path, line: line, message: "not valid JSON (byte \(error.offset))")
        }
        guard let object = value.object else { throw SuiteError(file: url.path, message: "manifest is not a JSON object") }
        return object
    }

    private static func requiredString(_ object: [String: JSONValue], _ key: String, file: String) throws(SuiteError)
        -> String
    {
        guard let value = object[key], !value.isNull else { throw SuiteError(file: file, field: key, message: "missing") }
        guard case .string(let text) = value, !text.isEmpty else {
            throw SuiteError(file: file, field: key, message: "expected a non-empty string")
        }
        return text
    }

    private static func fixtureMap(_ value: JSONValue?, folder: URL, file: String) throws(SuiteError)
        -> [FixtureKind: URL]
    {
        guard let value, !value.isNull else { return [:] }
        guard let object = value.object else {
            throw SuiteError(file: file, field: "fixtures", message: "expected an object of fixture paths")
        }
        var fixtures: [FixtureKind: URL] = [:]
        for kind in FixtureKind.allCases {
            guard let entry = object[kind.rawValue], !entry.isNull else { continue }
            guard case .string(let path) = entry, !path.isEmpty else {
                throw SuiteError(file: file, field: "fixtures.\(kind.rawValue)", message: "expected a path string")
            }
            let url = resolve(path, against: folder)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw SuiteError(file: file, field: "fixtures.\(kind.rawValue)", message: "file not found: \(url.path)")
            }
            fixtures[kind] = url
        }
        return fixtures
    }
}
