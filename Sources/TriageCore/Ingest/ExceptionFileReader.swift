import Foundation

/// The valid exceptions read from one file, and every rejected record with its reason.
public struct ExceptionFile: Sendable {
    /// Valid exceptions in file order, each with the line it starts on.
    public var exceptions: [(line: Int, exception: NewException)]
    /// Rejected records, each naming the file, line and field.
    public var rejected: [RejectedRecord]
}

/// Reads exceptions from JSON Lines (`.jsonl`, `.ndjson`, `.json`) or CSV (`.csv`) files.
public enum ExceptionFileReader {
    /// Reads and validates every record in the file; a bad record never stops the rest.
    public static func read(contentsOf url: URL) throws -> ExceptionFile {
        let data = try Data(contentsOf: url)
        let name = url.lastPathComponent
        return url.pathExtension.lowercased() == "csv"
            ? readCSV(String(decoding: data, as: UTF8.self), fileName: name)
            : readJSONLines(data, fileName: name)
    }

    /// Reads JSON Lines: one JSON object per line.
    public static func readJSONLines(_ data: Data, fileName: String, firstLine: Int = 1) -> ExceptionFile {
        var result = ExceptionFile(exceptions: [], rejected: [])
        JSONLinesReader(data: data, fileName: fileName, firstLine: firstLine).forEachLine { line, bytes in
            guard let value = try? JSONValue.parse(bytes), let object = value.object else {
                result.rejected.append(
                    RejectedRecord(file: fileName, line: line, field: nil, message: "not a JSON object"))
                return
            }
            switch Result(catching: { () throws(FieldError) in try ExceptionParser.parse(object: object) }) {
            case .success(let exception): result.exceptions.append((line, exception))
            case .failure(let error):
                result.rejected.append(
                    RejectedRecord(file: fileName, line: line, field: error.field, message: error.message))
            }
        }
        return result
    }

    /// Reads CSV with a header row; extra columns become payload fields.
    public static func readCSV(_ text: String, fileName: String) -> ExceptionFile {
        var result = ExceptionFile(exceptions: [], rejected: [])
        var records = CSVReader(text: text).records()
        guard !records.isEmpty else { return result }
        let header = records.removeFirst().cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for record in records {
            guard record.cells.count == header.count else {
                let message = "has \(record.cells.count) columns, the header has \(header.count)"
                result.rejected.append(RejectedRecord(file: fileName, line: record.line, field: nil, message: message))
                continue
            }
            let row = Dictionary(zip(header, record.cells), uniquingKeysWith: { first, _ in first })
            do {
                result.exceptions.append((record.line, try ExceptionParser.parse(row: row)))
            } catch {
                result.rejected.append(
                    RejectedRecord(file: fileName, line: record.line, field: error.field, message: error.message))
            }
        }
        return result
    }
}
