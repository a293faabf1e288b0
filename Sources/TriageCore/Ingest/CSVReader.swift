/// A small RFC 4180 CSV reader: quoted fields, doubled quotes, newlines inside quotes, CRLF.
public struct CSVReader: Sendable {
    /// One parsed record with the 1-based line it starts on.
    public struct Record: Sendable, Hashable {
        /// The line the record starts on.
        public var line: Int
        /// The cells.
        public var cells: [String]
    }

    private let text: String

    /// Creates a reader over the whole text of a file.
    public init(text: String) { self.text = text }

    /// Every record, in order; a record with an unterminated quote ends at the end of the file.
    public func records() -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func finishRecord() {
            cells.append(cell)
            if !(cells.count == 1 && cells[0].isEmpty) { records.append(Record(line: recordLine, cells: cells)) }
            cells = []
            cell = ""
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { cell.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty: inQuotes = true
            case ",": cells.append(cell); cell = ""
            case "\r": continue
            case "\n":
                finishRecord()
                line += 1
                recordLine = line
            default: cell.unicodeScalars.append(scalar)
            }
        }
        if !cell.isEmpty || !cells.isEmpty { finishRecord() }
        return records
    }
}
