import Foundation
import TriageCore

/// Recognises the supplier of an invoice from the directory: names and aliases in the text (exact, then
/// within a 10 % edit distance for OCR noise), then the sender's e-mail domain.
struct SupplierMatcher: Sendable {
    let suppliers: [Supplier]

    /// The supplier and the name as it appeared; nil when none is recognised.
    func match(text: String, sender: String?) -> (supplier: Supplier, written: String)? {
        let lines = text.split(separator: "\n").map(String.init)
        let keyedLines = lines.map { (TextFolding.phraseKey($0), $0) }
        let whole = TextFolding.phraseKey(text)
        var best: (supplier: Supplier, written: String, length: Int)?
        for supplier in suppliers {
            for name in [supplier.name] + supplier.aliases {
                let key = TextFolding.phraseKey(name)
                guard key.count >= 5, whole.contains(key), key.count > (best?.length ?? 0) else { continue }
                let written = keyedLines.first { $0.0.contains(key) }?.1 ?? name
                best = (supplier, written.trimmingCharacters(in: .whitespaces), key.count)
            }
        }
        if let best { return (best.supplier, best.written) }
        return fuzzy(lines) ?? domain(sender)
    }

    /// A line within 10 % edit distance of a name or alias (letters and digits compared).
    private func fuzzy(_ lines: [String]) -> (supplier: Supplier, written: String)? {
        for line in lines.prefix(12) {
            let key = TextKeys.nameKey(line)
            guard key.count >= 5 else { continue }
            for supplier in suppliers {
                for name in [supplier.name] + supplier.aliases {
                    let target = TextKeys.nameKey(name)
                    let limit = max(1, target.count / 10)
                    if abs(target.count - key.count) <= limit, EditDistance.between(key, target) <= limit {
                        return (supplier, line.trimmingCharacters(in: .whitespaces))
                    }
                }
            }
        }
        return nil
    }

    /// The supplier whose name's first word appears in the sender's e-mail domain.
    private func domain(_ sender: String?) -> (supplier: Supplier, written: String)? {
        guard let sender, let at = sender.lastIndex(of: "@") else { return nil }
        let host = TextKeys.nameKey(String(sender[sender.index(after: at)...]))
        for supplier in suppliers {
            let first = TextFolding.words(supplier.name).first ?? ""
            if first.count >= 4, host.contains(first) { return (supplier, sender) }
        }
        return nil
    }
}
