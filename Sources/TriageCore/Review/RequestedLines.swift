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
        if reasons.contains("SKU \(line.sku)") { return true }
        let sku = TextWords.words(line.sku)
        if !sku.isEmpty, sku.allSatisfy(words.contains), sku.joined().count >= 4 { return true }
        let name = Set(TextWords.words(line.description).filter { $0.count >= 3 && !$0.allSatisfy(\.isNumber) })
        let shared = name.intersection(words).count
        return shared >= 2 || (name.count == 1 && shared == 1)
    }
}

extension RequestedLines {
    /// The SKUs an exception is about, for joining cards of one order and cause: those its payload's `items` give,
    /// and the order lines its text or its items' descriptions name. Empty when it names no items.
    public static func skus(of record: ExceptionRecord, lines: [OrderLine]) -> Set<String> {
        guard let items = record.exception.payload["items"]?.array else { return [] }
        let skus = items.compactMap { $0.object?["sku"]?.text }.filter { !$0.isEmpty }
        let named = RequestedLines(exception: record, reasons: [])
        return Set(skus).union(lines.filter(named.names).map(\.sku))
    }

    /// Whether two requests share a cause: either names no items, or they name an item in common.
    public static func overlap(_ ours: Set<String>, _ theirs: Set<String>) -> Bool {
        ours.isEmpty || theirs.isEmpty || !ours.isDisjoint(with: theirs)
    }
}
