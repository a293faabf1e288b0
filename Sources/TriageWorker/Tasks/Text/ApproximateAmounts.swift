import Foundation
import TriageCore

/// Amounts a customer gives from memory: "about $430", "nearly 450", "$64" (whole dollars), "fifty-four dollars".
/// They are soft evidence: near what the goods cost (``tolerance``), never an exact fact.
enum ApproximateAmounts {
    /// How far from the real figure a remembered amount may be and still count.
    static let tolerance = 0.06

    /// The remembered amounts in `text`, in dollars (other currencies are not converted, so not read), each once.
    static func find(in text: String) -> [Money] {
        var amounts: [Money] = []
        let range = NSRange(text.startIndex..., in: text)
        for pattern in [hedged, wholeDollars] {
            for match in pattern.matches(in: text, range: range) {
                guard let r = Range(match.range(at: 1), in: text) else { continue }
                if let money = Money(text[r].replacingOccurrences(of: ",", with: "")) { amounts.append(money) }
            }
        }
        for match in spelled.matches(in: text, range: range) {
            guard let r = Range(match.range(at: 1), in: text),
                let value = NumberWords.value(TextWords.words(String(text[r])))
            else { continue }
            amounts.append(Money(cents: Int64(value) * 100))
        }
        return amounts.reduce(into: []) { unique, amount in if !unique.contains(amount) { unique.append(amount) } }
    }

    /// True when `amount` is within ``tolerance`` of `actual`.
    static func near(_ amount: Money, _ actual: Money) -> Bool {
        guard actual.cents > 0 else { return false }
        return abs(Double(amount.cents - actual.cents)) <= Double(actual.cents) * tolerance
    }

    /// "about $430", "nearly 450 USD", "approx. 1,200".
    private static let hedged = ConstantPattern.compile(
        #"(?i)\b(?:about|around|approximately|approx\.?|roughly|nearly|almost|circa|some|just (?:under|over)|close to|ca\.)\s*(?:US\$|\$|USD\s*)?(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?![\d,])(?!\s*(?:%|percent|pcs|pieces|units|x\b|days|weeks|months|years|hours|minutes|mm|cm|kg))"#)
    /// "$64", "US$ 1,200": a whole-dollar amount is a rounded one.
    private static let wholeDollars = ConstantPattern.compile(#"(?:US\$|\$)\s*(\d{1,3}(?:,\d{3})*|\d+)(?![\d.,])"#)
    /// "fifty-four dollars", "two hundred bucks".
    private static let spelled = ConstantPattern.compile(
        #"(?i)\b((?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and)[\s-]+)+)(?:us\s+)?(?:dollars|bucks|usd)\b"#)
}

/// English number words to a number: "fifty-four" 54, "one hundred and twenty" 120, "two thousand five hundred" 2500.
enum NumberWords {
    /// The number the words spell, nil when they spell none.
    static func value(_ words: [String]) -> Int? {
        var total = 0
        var current = 0
        var seen = false
        for word in words where word != "and" {
            if let unit = units[word] {
                current += unit
            } else if word == "hundred" {
                current = max(current, 1) * 100
            } else if word == "thousand" {
                total += max(current, 1) * 1_000
                current = 0
            } else {
                return nil
            }
            seen = true
        }
        return seen ? total + current : nil
    }

    private static let units: [String: Int] = {
        let small = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        ]
        let tens = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90]
        return Dictionary(uniqueKeysWithValues: small.enumerated().map { ($1, $0) }).merging(tens) { first, _ in first }
    }()
}
