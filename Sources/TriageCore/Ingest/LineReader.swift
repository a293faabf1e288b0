import Foundation

/// Reads a JSON Lines file and decodes each line on its own, so one bad line rejects that line only.
public struct JSONLinesReader: Sendable {
    /// The file name used in error messages.
    public var fileName: String
    private let data: Data
    private let firstLine: Int

    /// Creates a reader over a file's bytes; `firstLine` numbers the first line (for a chunk of a larger file).
    public init(data: Data, fileName: String, firstLine: Int = 1) {
        self.data = data
        self.fileName = fileName
        self.firstLine = firstLine
    }

    /// Splits a file's bytes at line ends into chunks of about `lines` lines, each with its first line number. With
    /// `first`, the first chunk holds that many lines and each next one twice the last, up to `lines`.
    public static func chunks(of data: Data, lines: Int, startingWith first: Int? = nil) -> [(firstLine: Int, data: Data)] {
        let bytes = [UInt8](data)
        var chunks: [(Int, Data)] = []
        var start = 0
        var line = 1
        var size = max(1, min(first ?? lines, lines))
        while start < bytes.count {
            var end = start
            var count = 0
            while end < bytes.count && count < size {
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                end = min(end + 1, bytes.count)
                count += 1
            }
            chunks.append((line, Data(bytes[start..<end])))
            size = min(size * 2, lines)
            line += count
            start = end
        }
        return chunks
    }

    /// The UTF-8 byte-order mark some editors write at the start of a file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Calls `body` with each non-blank line's 1-based number and bytes.
    public func forEachLine(_ body: (Int, Data) throws -> Void) rethrows {
        var lineNumber = firstLine - 1
        var start = data.startIndex
        while start < data.endIndex {
            lineNumber += 1
            // LF, CRLF and a lone CR (old Mac editors) all end a line; JSON text never holds a raw CR or LF.
            let end = data[start...].firstIndex(where: { $0 == 10 || $0 == 13 }) ?? data.endIndex
            var line = data[start..<end]
            if start == data.startIndex, line.starts(with: Self.byteOrderMark) { line = line.dropFirst(3) }
            if line.contains(where: { $0 != 32 && $0 != 9 }) { try body(lineNumber, Data(line)) }
            start = Self.next(after: end, in: data)
        }
    }

    /// The start of the line after a line end at `end`: past an LF, a CR, or both of a CRLF.
    static func next(after end: Data.Index, in data: Data) -> Data.Index {
        guard end < data.endIndex else { return end }
        let after = data.index(after: end)
        return data[end] == 13 && after < data.endIndex && data[after] == 10 ? data.index(after: after) : after
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
