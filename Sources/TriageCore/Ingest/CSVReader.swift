/// An RFC 4180 CSV reader: quoted fields, doubled quotes, newlines inside quotes, LF, CRLF and CR line ends, and a
/// leading byte-order mark.
///
/// A quote that opens and never closes would swallow every row after it; instead the record is reported as a
/// problem naming the line the quote opens on, and reading resumes on the next line, so no row is lost silently.
public struct CSVReader: Sendable {
    /// One parsed record with the 1-based line it starts on.
    public struct Record: Sendable, Hashable {
        /// The line the record starts on.
        public var line: Int
        /// The cells; empty when the record could not be read.
        public var cells: [String]
        /// Why the record could not be read, or nil.
        public var problem: String?

        /// Creates a record.
        public init(line: Int, cells: [String], problem: String? = nil) {
            self.line = line
            self.cells = cells
            self.problem = problem
        }
    }

    private let scalars: [Unicode.Scalar]

    /// Creates a reader over the whole text of a file.
    public init(text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
    }

    /// Every record, in order, blank lines skipped; a record with an unterminated quote carries a problem.
    ///
    /// The first record is the header. A quoted field that runs past its line end and leaves its record with a
    /// different number of cells than the header is a stray quote, not a field with a newline: it would merge the
    /// next row into this one. That record is reported at the line its quote opens, and reading resumes on the
    /// next line, so the rows after it are read as rows.
    public func records() -> [Record] {
        var records: [Record] = []
        var position = 0
        var line = 1
        var columns: Int?
        while position < scalars.count {
            var scan = CSVScanner(scalars: scalars, position: position, line: line)
            let closed = scan.readRecord()
            let stray = closed && scan.quoteCrossedLine && (scan.textAfterQuote || columns.map { scan.cells.count != $0 } == true)
            if closed && !stray {
                if !scan.isBlank {
                    records.append(Record(line: line, cells: scan.cells))
                    columns = columns ?? scan.cells.count
                }
                (position, line) = (scan.position, scan.line)
            } else {
                let problem =
                    closed
                    ? "a quote opens on line \(scan.openQuoteLine) and does not close on its own row "
                        + "(it would join the next line to this row); the rows after it are read on their own"
                    : "a quote opens on line \(scan.openQuoteLine) and never closes"
                records.append(Record(line: line, cells: [], problem: problem))
                (position, line) = (CSVScanner.endOfLine(scalars, from: position), line + 1)
            }
        }
        return records
    }
}

/// Reads one CSV record from a position; a value type so a failed read leaves the reader where it was.
struct CSVScanner {
    let scalars: [Unicode.Scalar]
    var position: Int
    var line: Int
    var cells: [String] = []
    var cell = ""
    var openQuoteLine = 0
    /// True once a quoted field ran past a line end.
    var quoteCrossedLine = false
    /// True once a closing quote was followed by more text in its cell (RFC 4180 allows only `,` or a line end).
    var textAfterQuote = false

    /// What may follow a closing quote.
    static let separators: Set<Unicode.Scalar> = [",", "\r", "\n"]

    /// True when the record is one empty cell: a blank line.
    var isBlank: Bool { cells.count == 1 && cells[0].isEmpty }

    /// Reads up to and past the record's line end; false when a quote never closes.
    mutating func readRecord() -> Bool {
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "\"" where cell.isEmpty:
                guard readQuoted() else { return false }
                if position < scalars.count, !Self.separators.contains(scalars[position]) { textAfterQuote = true }
            case ",":
                cells.append(cell)
                cell = ""
            case "\r", "\n":
                skipLineEnd(after: scalar)
                cells.append(cell)
                return true
            default: cell.unicodeScalars.append(scalar)
            }
        }
        cells.append(cell)
        return true
    }

    /// Reads a quoted field's content up to its closing quote; `""` is one quote, line ends are kept.
    private mutating func readQuoted() -> Bool {
        openQuoteLine = line
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            if scalar == "\"" {
                guard position < scalars.count, scalars[position] == "\"" else { return true }
                position += 1
                cell.unicodeScalars.append("\"")
                continue
            }
            cell.unicodeScalars.append(scalar)
            if scalar == "\r" || scalar == "\n" { countLineEnd(scalar) }
        }
        return false
    }

    /// Skips the LF of a CRLF and counts the line.
    private mutating func skipLineEnd(after scalar: Unicode.Scalar) {
        if scalar == "\r", position < scalars.count, scalars[position] == "\n" { position += 1 }
        line += 1
    }

    /// Counts a line end inside a quoted field, keeping both scalars of a CRLF.
    private mutating func countLineEnd(_ scalar: Unicode.Scalar) {
        quoteCrossedLine = true
        if scalar == "\r", position < scalars.count, scalars[position] == "\n" {
            cell.unicodeScalars.append("\n")
            position += 1
        }
        line += 1
    }

    /// The position just past the line end that follows `start`, ignoring quotes.
    static func endOfLine(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, scalars[index] != "\r", scalars[index] != "\n" { index += 1 }
        guard index < scalars.count else { return index }
        if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { return index + 2 }
        return index + 1
    }
}
