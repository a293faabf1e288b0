import Foundation
import TriageCore

/// Finds money amounts in a line of text: "4,499.50", "2.707,20", "650.00", "$8,133.75", "89".
enum AmountFinder {
    static let regex = ConstantPattern.compile(
        #"(?<![\w.,])("# + MoneyPattern.number + #")(?![\w]|[.,]\d)"#)

    /// Every amount in `line`, left to right.
    static func amounts(in line: String) -> [Money] {
        let range = NSRange(line.startIndex..., in: line)
        return regex.matches(in: line, range: range).compactMap { match in
            Range(match.range(at: 1), in: line).flatMap { Money(String(line[$0])) }
        }
    }

    /// Amounts with a decimal part only ("89.99", not "50"): what a price or total looks like.
    static func decimalAmounts(in line: String) -> [Money] {
        let range = NSRange(line.startIndex..., in: line)
        return regex.matches(in: line, range: range).compactMap { match in
            guard let r = Range(match.range(at: 1), in: line) else { return nil }
            let text = line[r]
            guard let separator = text.lastIndex(where: { $0 == "." || $0 == "," }),
                text.distance(from: separator, to: text.endIndex) == 3
            else { return nil }
            return Money(String(text))
        }
    }
}
