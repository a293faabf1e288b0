import Foundation
import Testing

@testable import TriageCore

/// Issue 11: `Money` parsing is total, and its arithmetic never traps.
@Suite("Money range")
struct MoneyRangeTests {
    @Test("ordinary amounts parse to exact cents", arguments: [
        ("48.48", Int64(4848)), ("-3", -300), ("1,234.50", 123_450), ("1.234,50", 123_450), ("(12.00)", -1200),
        ("9999999999999.99", 999_999_999_999_999), ("12.5", 1250), ("0012.3456", 1235), ("1.234", 123), (".5", 50),
        ("7", 700), ("7.", 700),
    ])
    func ordinary(_ text: String, _ cents: Int64) {
        #expect(Money(text)?.cents == cents)
    }

    @Test("a plain decimal with five fraction digits, or nothing, is not money", arguments: ["12.34567", ""])
    func notPlain(_ text: String) {
        #expect(Money(text) == nil)
    }

    @Test("17 to 20 digit strings are out of range, not a trap", arguments: [
        "12345678901234567", "9000000000000000000", "99999999999999999999", "-9300000000000000000",
        "92233720368547758.07", "1e300",
    ])
    func hugeStrings(_ text: String) {
        #expect(Money(text) == nil)
        #expect(throws: MoneyError.outOfRange) { try Money.parse(.string(text)) }
    }

    @Test("huge and non-finite numbers are rejected with a reason", arguments: [
        (1e300, MoneyError.outOfRange), (-1e300, .outOfRange), (9.3e16, .outOfRange), (1e16, .outOfRange),
        (.nan, .notFinite), (.infinity, .notFinite), (-.infinity, .notFinite),
    ])
    func hugeNumbers(_ number: Double, _ error: MoneyError) {
        #expect(Money(json: .number(number)) == nil)
        #expect(throws: error) { try Money.parse(.number(number)) }
    }

    @Test func nonFiniteStringsAreNamed() {
        for text in ["NaN", "nan", "inf", "-Infinity"] {
            #expect(throws: MoneyError.notFinite) { try Money.parse(.string(text)) }
        }
        #expect(throws: MoneyError.notMoney) { try Money.parse(.string("lots")) }
    }

    @Test func decodingAHugeNumberThrowsInsteadOfTrapping() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Money].self, from: Data("[1e300]".utf8)) }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Money].self, from: Data(#"["99999999999999999999"]"#.utf8))
        }
    }

    @Test func arithmeticSaturatesInsteadOfTrapping() {
        let most = Money(cents: .max)
        #expect(most + Money(cents: 1) == most)
        #expect(Money(cents: .min) - Money(cents: 1) == Money(cents: .min))
        #expect(most * 3 == most)
        #expect(Money(cents: -5) * Int.max == Money(cents: .min))
        #expect(Money(cents: 250) * 3 == Money(cents: 750))
    }
}
