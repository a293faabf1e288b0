import Foundation

/// The legal entity at the head of a document, for suppliers the directory does not know: among the top lines
/// that are not addresses, contact or registration details, titles, dates or labelled fields, a line carrying a
/// company-form suffix (Sdn Bhd, Ltd, GmbH, S.A., Oy, K.K., ...) first, then one with a trade word (Trading,
/// Enterprise, Store, Hardware, ...), then the first remaining line. A name wrapped over two lines is joined. See
/// docs/decisions.md, "The supplier at the head of a document".
enum SupplierHead {
    /// How many lines from the top may hold the name.
    static let window = 12

    /// The name as written, without a trailing registration number in parentheses; nil when no line qualifies.
    static func name(in text: String) -> String? {
        let lines = Array(
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .prefix(window))
        var best: (score: Int, index: Int)?
        for (index, line) in lines.enumerated() {
            if best != nil, HeadLine.endsHead(line) { break }
            guard HeadLine.isNameLike(line) else { continue }
            let score = HeadLine.score(line)
            if score > (best?.score ?? 0) { best = (score, index) }
        }
        guard let best else { return nil }
        return clean(joined(lines, at: best.index))
    }

    /// The line, with the next one when the name continues there ("HOME HARDWARE &" / "ELECTRICAL", "POPULAR
    /// BOOK" / "CO. (M) SDN BHD", a name without a company form over two name lines), or with the previous one when
    /// this line is only the company form or continues it ("& TEA LEAF SDN BHD").
    static func joined(_ lines: [String], at index: Int) -> String {
        let line = lines[index]
        let carriesOn = HeadLine.isFormOnly(line) || line.hasPrefix("&") || line.uppercased().hasPrefix("AND ")
            || index > 0 && unclosed(lines[index - 1])
        if carriesOn, index > 0, HeadLine.isNameLike(lines[index - 1]) || unclosed(lines[index - 1]) {
            return lines[index - 1] + " " + line
        }
        guard index + 1 < lines.count, HeadLine.isNameLike(lines[index + 1]) else { return line }
        let next = lines[index + 1]
        let open = line.hasSuffix("&") || line.hasSuffix("-") || line.hasSuffix(",") || line.uppercased().hasSuffix(" AND")
        let sameCase = (line == line.uppercased()) == (next == next.uppercased())
        let short = HeadLine.words(next).count <= 3
        let continues = open || next.hasPrefix("&") || HeadLine.score(line) < 3 && sameCase && short
        return continues ? line + " " + next : line
    }

    /// "AIK HUAT HARDWARE (SETIA": a parenthesis the next line closes.
    private static func unclosed(_ line: String) -> Bool {
        line.filter { $0 == "(" }.count > line.filter { $0 == ")" }.count
    }

    /// The name up to its registration number ("URBAN IDEA SDN BHD (417940-M), A-G-06" → "URBAN IDEA SDN BHD"),
    /// without a leading receipt number ("#000002").
    private static func clean(_ name: String) -> String {
        var name = name
        let matches = HeadLine.registration.matches(in: name, range: NSRange(name.startIndex..., in: name))
        for match in matches.reversed() {
            guard let range = Range(match.range, in: name) else { continue }
            if range.lowerBound == name.startIndex {
                name.removeSubrange(range)
            } else if !name[..<range.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty {
                name = String(name[..<range.lowerBound])
            }
        }
        return name.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",;:-*")))
    }
}
