import Foundation

/// Reads a JSON Lines file and decodes each line on its own, so one bad line rejects that line only.
public struct JSONLinesReader: Sendable {
    /// The file name used in error messages.
    public var fileName: String
    private let data: Data

    /// Creates a reader over a file's bytes.
    public init(data: Data, fileName: String) {
        self.data = data
        self.fileName = fileName
    }

    /// Calls `body` with each non-blank line's 1-based number and bytes.
    public func forEachLine(_ body: (Int, Data) throws -> Void) rethrows {
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            lineNumber += 1
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            let line = data[start..<end]
            if line.contains(where: { $0 != 32 && $0 != 9 && $0 != 13 }) { try body(lineNumber, Data(line)) }
            start = end < data.endIndex ? data.index(after: end) : end
        }
    }

    /// Decodes every line as `T`; returns the decoded values with their line numbers and the errors.
    public func decodeAll<T: Decodable>(
        _ type: T.Type, decoder: JSONDecoder = JSONCoding.decoder()
    ) -> (values: [(line: Int, value: T)], errors: [RejectedRecord]) {
        var values: [(line: Int, value: T)] = []
        var errors: [RejectedRecord] = []
        forEachLine { number, line in
            do {
                values.append((number, try decoder.decode(T.self, from: line)))
            } catch let error as DecodingError {
                let field = FieldError(error)
                errors.append(RejectedRecord(file: fileName, line: number, field: field.field, message: field.message))
            } catch {
                errors.append(RejectedRecord(file: fileName, line: number, field: nil, message: "not valid JSON"))
            }
        }
        return (values, errors)
    }
}
