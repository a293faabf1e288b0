import Foundation

/// Reads a one-row table printed in columns — a header line of labels over one line of values, as pdftotext keeps
/// an invoice's layout ("Rechnung   Datum   Betrag CHF" over "26-10412   30.01.2026   19'036.40") — as the
/// "label: value" lines a clerk would read across, each value under the label its columns overlap. Tables of
/// several rows (billed lines) are left alone: their rows are read as lines.
enum ColumnTable {
    /// A value read under its label, and the line the value was printed on.
    struct Pair: Sendable, Equatable {
        let label: String
        let value: String
        let line: Int
        /// "label: value".
        var text: String { "\(label): \(value)" }
    }

    /// One cell of a line: its text and the character columns it spans.
    struct Cell: Sendable {
        let text: String
        let columns: Range<Int>
    }

    /// Every label–value pair of the one-row tables in `text`.
    static func pairs(in text: String) -> [Pair] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var found: [Pair] = []
        for index in lines.indices.dropLast() where isHeader(lines[index]) {
            let row = lines[index + 1]
            let after = index + 2 < lines.count ? lines[index + 2] : ""
            // The line after the values is blank, words, or the next header of a stack of them ("Invoice No.  Dated"
            // over its values, then "Delivery Note  Terms" over theirs); values again would make it billed lines.
            guard !isHeader(row), cells(of: row).contains(where: { $0.text.contains(where: \.isNumber) }),
                cells(of: row).count >= 2, !after.contains(where: \.isNumber) || isHeader(after)
            else { continue }
            found += read(row: row, under: lines[index], line: index + 1)
        }
        return found
    }

    /// Each value cell under the header cell its columns overlap most; none when two values fall under one label
    /// (other than a currency beside its amount, "EUR    10.330,96"): the columns do not line up, as on a receipt.
    static func read(row: String, under header: String, line: Int) -> [Pair] {
        let labels = cells(of: header)
        var values: [Int: [String]] = [:]
        for cell in cells(of: row) {
            let overlaps = labels.indices.map { overlap(labels[$0].columns, cell.columns) }
            guard let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[best] > 0 else { continue }
            values[best, default: []].append(cell.text)
        }
        guard values.values.allSatisfy({ $0.count == 1 || $0.count == 2 && $0.contains(where: isCurrency) }) else { return [] }
        return values.keys.sorted().map { Pair(label: labels[$0].text, value: values[$0]!.joined(separator: " "), line: line) }
    }

    /// A cell that is only a currency code or sign ("EUR", "kr", "$").
    private static func isCurrency(_ text: String) -> Bool {
        text.count <= 3 && !text.contains(where: \.isNumber)
    }

    /// A line of two or more cells, two in three of them labels (more letters than digits; "PO# 4417588" among them
    /// is a label with its value, "JHT/25-26/0412" is a value), and no amount with decimals on it.
    static func isHeader(_ line: String) -> Bool {
        let cells = cells(of: line)
        let labels = cells.filter { $0.text.filter(\.isLetter).count > $0.text.filter(\.isNumber).count }
        return cells.count >= 2 && labels.count * 3 >= cells.count * 2
            && !line.split(whereSeparator: { $0 == " " || $0 == "\t" }).contains { MoneyPattern.decimalPlaces($0) == 2 }
    }

    /// The cells of a line: text separated by two or more spaces, a tab or a bar.
    static func cells(of line: String) -> [Cell] {
        let spaced = line.replacingOccurrences(of: "\t", with: "  ").replacingOccurrences(of: "|", with: " ")
        let characters = Array(spaced)
        var cells: [Cell] = []
        var column = 0
        while column < characters.count {
            guard characters[column] != " " else { column += 1; continue }
            var end = column
            while end < characters.count, characters[end] != " " || end + 1 < characters.count && characters[end + 1] != " " {
                end += 1
            }
            cells.append(Cell(text: String(characters[column..<end]), columns: column..<end))
            column = end
        }
        return cells
    }

    private static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        max(0, min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound))
    }
}
