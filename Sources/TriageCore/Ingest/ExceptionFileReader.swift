import Foundation

/// The valid exceptions read from one file, and every rejected record with its reason.
public struct ExceptionFile: Sendable {
    /// Valid exceptions in file order, each with the line it starts on.
    public var exceptions: [(line: Int, exception: NewException)]
    /// Rejected records, each naming the file, line and field.
    public var rejected: [RejectedRecord]
    /// Records read (non-blank JSON lines, CSV rows after the header): always `exceptions` + `rejected`.
    public var rowsRead = 0

    /// Counts a valid record.
    mutating func accept(_ exception: NewException, line: Int) {
        rowsRead += 1
        exceptions.append((line, exception))
    }

    /// Counts a rejected record.
    mutating func reject(_ record: RejectedRecord) {
        rowsRead += 1
        rejected.append(record)
    }
}

/// Reads exceptions from JSON Lines (`.jsonl`, `.ndjson`, `.json`) or CSV (`.csv`) files.
public enum ExceptionFileReader {
    /// Reads and validates every record in the file; a bad record never stops the rest.
    public static func read(contentsOf url: URL) throws -> ExceptionFile {
        let data = try Data(contentsOf: url)
        let name = url.lastPathComponent
        return url.pathExtension.lowercased() == "csv"
            ? readCSV(data, fileName: name)
            : readJSONLines(data, fileName: name)
    }

    /// Reads CSV bytes. A file that is not all UTF-8 is still read; each row holding a byte that is not UTF-8 is
    /// rejected naming its line, never stored with the byte silently replaced.
    public static func readCSV(_ data: Data, fileName: String) -> ExceptionFile {
        if let text = String(validating: data, as: UTF8.self) { return readCSV(text, fileName: fileName) }
        return readCSV(String(decoding: data, as: UTF8.self), fileName: fileName, replacedBytes: true)
    }

    /// Reads JSON Lines: one JSON object per line.
    public static func readJSONLines(_ data: Data, fileName: String, firstLine: Int = 1) -> ExceptionFile {
        var result = ExceptionFile(exceptions: [], rejected: [])
        JSONLinesReader(data: data, fileName: fileName, firstLine: firstLine).forEachLine { line, bytes in
            let value: JSONValue
            do {
                value = try JSONValue.parse(bytes)
            } catch {
                let message = (error as? JSONParser.Failure)?.reason ?? Self.unreadable(bytes)
                result.reject(RejectedRecord(file: fileName, line: line, field: nil, message: message))
                return
            }
            guard let object = value.object else {
                result.reject(RejectedRecord(file: fileName, line: line, field: nil, message: "not a JSON object"))
                return
            }
            switch Result(catching: { () throws(FieldError) in try ExceptionParser.parse(object: object) }) {
            case .success(let exception): result.accept(exception, line: line)
            case .failure(let error):
                result.reject(RejectedRecord(file: fileName, line: line, field: error.field, message: error.message))
            }
        }
        return result
    }

    /// Why a line is not JSON: a piece of an object spread over several lines gets the rule it broke.
    static func unreadable<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let fragment = text.hasPrefix("{") != text.hasSuffix("}") || text.hasPrefix("\"") || text == "}"
        return fragment
            ? "not a complete JSON object: each record must be on one line (a JSON object wrapped over lines is rejected)"
            : "not a JSON object"
    }

    /// Reads CSV with a header row; extra columns become payload fields. Every row is stored or rejected.
    public static func readCSV(_ text: String, fileName: String, replacedBytes: Bool = false) -> ExceptionFile {
        var result = ExceptionFile(exceptions: [], rejected: [])
        var records = CSVReader(text: text).records()
        guard !records.isEmpty else { return result }
        let headerRecord = records.removeFirst()
        let header = headerRecord.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for record in records {
            let reject = { (field: String?, message: String) in
                result.reject(RejectedRecord(file: fileName, line: record.line, field: field, message: message))
            }
            if let problem = headerRecord.problem ?? record.problem {
                reject(nil, headerRecord.problem == nil ? problem : "the header row is unreadable: \(problem)")
                continue
            }
            if replacedBytes, record.cells.contains(where: { $0.unicodeScalars.contains("\u{FFFD}") }) {
                reject(nil, JSONParser.notUTF8)
                continue
            }
            guard record.cells.count == header.count else {
                reject(nil, "has \(record.cells.count) columns, the header has \(header.count)")
                continue
            }
            let row = Dictionary(zip(header, record.cells), uniquingKeysWith: { first, _ in first })
            do {
                result.accept(try ExceptionParser.parse(row: row), line: record.line)
            } catch {
                reject(error.field, error.message)
            }
        }
        return result
    }
}
