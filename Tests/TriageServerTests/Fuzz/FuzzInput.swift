import Foundation

/// A seeded generator (SplitMix64): the same seed gives the same fuzz inputs on every run and machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random inputs shaped like what reaches Triage from outside: numbers, amounts, CSV and JSON.
struct FuzzInput {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    /// A number as JSON would carry it: huge, tiny, NaN, infinite, or ordinary.
    mutating func number() -> Double {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return pick([.nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude])
        case 1: return pick([1, -1]) * pow(10, Double.random(in: -320...308, using: &random))
        case 2: return Double(Int64.random(in: .min ... .max, using: &random))
        case 3: return pick([9.3e16, 9.2e18, 9.3e18, 1e300, 1e-300, 0, -0.0, .leastNonzeroMagnitude])
        default: return (Double.random(in: -100_000...100_000, using: &random) * 100).rounded() / 100
        }
    }

    /// An amount as text: long digit strings, exponent forms, separators, signs, words.
    mutating func amountText() -> String {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return digits(Int.random(in: 1...30, using: &random))
        case 1: return digits(Int.random(in: 1...20, using: &random)) + pick([".", ","]) + digits(Int.random(in: 0...5, using: &random))
        case 2: return "\(pick(["", "-", "+"]))\(digits(Int.random(in: 1...4, using: &random)))\(pick(["e", "E"]))\(pick(["", "+", "-"]))\(digits(Int.random(in: 1...4, using: &random)))"
        case 3: return pick(["NaN", "nan", "inf", "-Infinity", "1e300", "(12.00)", "1.234,50", "1,234.50", "", " ", "--1", "()", "1'000.00", "٣٤"])
        case 4: return String(number())
        default: return (0..<Int.random(in: 0...12, using: &random)).map { _ in pick(Array("0123456789.,-() e'\u{00A0}$€x")) }.map(String.init).joined()
        }
    }

    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in pick(Array("0123456789")) })
    }

    /// A CSV cell: plain, quoted, with doubled quotes, line ends of every kind, or a quote that never closes.
    mutating func csvCell() -> String {
        let text = pick(["a", "hello, world", "say \"hi\"", "line\nbreak", "cr\rline", "crlf\r\nline", "", amountText()])
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case 1: return "\"" + text
        case 2: return text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
        default: return text.filter { $0 != "\"" && $0 != "," && !$0.isNewline }
        }
    }

    /// A CSV file with a header, a random line end, maybe a byte-order mark.
    mutating func csv(rows: Int) -> String {
        let end = pick(["\n", "\r\n", "\r"])
        var lines = [(chance(20) ? "\u{FEFF}" : "") + "source,event_id,kind,occurred_at,amount,text"]
        for index in 0..<rows {
            let cells = [
                pick(["erp", "", "gateway"]), chance(10) ? "e\(index % 3)" : "e\(index)",
                pick(["payment_drift", "inventory_drift", "teleport"]), pick(["2026-11-02T10:00:00Z", "yesterday"]),
                csvCell(), csvCell(),
            ]
            lines.append((chance(5) ? cells.dropLast() : cells[...]).joined(separator: ","))
        }
        return lines.joined(separator: end) + (chance(50) ? end : "")
    }

    /// One JSON Lines line: a record with random amounts, or a broken one.
    mutating func jsonLine(_ index: Int) -> String {
        let amount = chance(50) ? String(number()) : "\"\(amountText().replacingOccurrences(of: "\"", with: ""))\""
        let safeAmount = amount.contains("nan") || amount.contains("inf") ? "\"\(amount)\"" : amount
        let key = pick(["amount", "refund_amount", "total", "handling_minutes", "payload"])
        let line = #"{"source":"gateway","event_id":"e\#(chance(10) ? index % 3 : index)","kind":"payment_drift","occurred_at":"2026-11-02T10:00:00Z","order_number":"100231","\#(key)":\#(safeAmount)}"#
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return String(line.prefix(Int.random(in: 0...line.count, using: &random)))
        case 1: return line + "\r"
        case 2: return "   "
        default: return line
        }
    }
}
