import Foundation

/// Which lines of a candidate order the request speaks of, so the card marks them: the line's SKU is named in the
/// text or in the candidate's reasons, or its product name is (two of its words, or its only word).
public struct RequestedLines: Sendable {
    private let words: Set<String>
    private let reasons: String

    /// Reads the request's words once, for checking many lines.
    public init(text: String, reasons: [String]) {
        words = Set(TextWords.words(text))
        self.reasons = reasons.joined(separator: "\n")
    }

    /// Reads what an exception asks about: its text and the descriptions of its payload's `items`.
    public init(exception: ExceptionRecord, reasons: [String]) {
        var text = exception.exception.text ?? ""
        for case .object(let fields) in exception.exception.payload["items"]?.array ?? [] {
            if let description = fields["description"]?.text { text += "\n" + description }
        }
        self.init(text: text, reasons: reasons)
    }

    /// Whether `line` is one the request names.
    public func names(_ line: OrderLine) -> Bool {
        names(Line(line))
    }

    /// Whether `line`, its words read, is one the request names.
    public func names(_ line: Line) -> Bool {
        if reasons.contains("SKU \(line.sku)") { return true }
        if !line.skuWords.isEmpty, line.skuWords.allSatisfy(words.contains), line.skuWords.joined().count >= 4 {
            return true
        }
        let shared = line.nameWords.intersection(words).count
        return shared >= 2 || (line.nameWords.count == 1 && shared == 1)
    }

    /// An order line's words, read once for checking it against many requests: its SKU's words and the words of its
    /// product name that can name it (three letters or more, not only digits).
    public struct Line: Sendable {
        /// The line's SKU.
        public let sku: String
        let skuWords: [String]
        let nameWords: Set<String>

        /// Reads `line`'s words.
        public init(_ line: OrderLine) {
            sku = line.sku
            skuWords = TextWords.words(line.sku)
            nameWords = Set(TextWords.words(line.description).filter { $0.count >= 3 && !$0.allSatisfy(\.isNumber) })
        }
    }
}

extension RequestedLines {
    /// The SKUs an exception is about, for joining cards of one order and cause: those its payload's `items` give,
    /// and the order lines its text or its items' descriptions name. Empty when it names no items.
    public static func skus(of record: ExceptionRecord, lines: [OrderLine]) -> Set<String> {
        skus(of: record) { lines.map(Line.init) }
    }

    /// The same, for lines whose words are read; `lines` is called only when the exception lists items.
    public static func skus(of record: ExceptionRecord, lines: () throws -> [Line]) rethrows -> Set<String> {
        guard let items = record.exception.payload["items"]?.array else { return [] }
        let skus = items.compactMap { $0.object?["sku"]?.text }.filter { !$0.isEmpty }
        let named = RequestedLines(exception: record, reasons: [])
        return Set(skus).union(try lines().filter(named.names).map(\.sku))
    }

    /// Whether two requests share a cause: either names no items, or they name an item in common.
    public static func overlap(_ ours: Set<String>, _ theirs: Set<String>) -> Bool {
        ours.isEmpty || theirs.isEmpty || !ours.isDisjoint(with: theirs)
    }
}

extension RequestedLines {
    /// The SKUs each exception asks about (`RequestedLines.skus`), worked out once per routing transaction: a batch
    /// compares every new exception about an order with each undecided card of that order, and reading an exception's
    /// words is the costly part. An exception's text and its order's lines do not change within a transaction.
    public final class Memo {
        private struct Key: Hashable {
            let exceptionID: Int64
            let orderNumber: String
        }
        private var known: [Key: Set<String>] = [:]
        private var lines: [String: [Line]] = [:]

        /// An empty memo, for one transaction.
        public init() {}

        /// The SKUs of `orderNumber`'s lines that `record` asks about; `lines` is called only for an exception that
        /// lists items, and once per order.
        public func skus(of record: ExceptionRecord, orderNumber: String, lines: () throws -> [OrderLine]) rethrows
            -> Set<String>
        {
            let key = Key(exceptionID: record.id, orderNumber: orderNumber)
            if let skus = known[key] { return skus }
            let skus = try RequestedLines.skus(of: record) { try read(lines, of: orderNumber) }
            known[key] = skus
            return skus
        }

        private func read(_ orderLines: () throws -> [OrderLine], of orderNumber: String) rethrows -> [Line] {
            if let read = lines[orderNumber] { return read }
            let read = try orderLines().map(Line.init)
            lines[orderNumber] = read
            return read
        }
    }
}
