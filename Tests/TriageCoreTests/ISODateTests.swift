import Foundation
import Testing

@testable import TriageCore

@Suite struct ISODateTests {
    @Test func parsesDateOnlyAsUTCMidnight() {
        #expect(ISODate.parse("2026-11-20")?.timeIntervalSince1970 == 1_795_132_800)
    }

    @Test func parsesZuluOffsetAndFraction() {
        let zulu = ISODate.parse("2026-11-20T10:15:30Z")
        let expected: Double = 1_795_169_730
        #expect(zulu?.timeIntervalSince1970 == expected)
        #expect(ISODate.parse("2026-11-20T11:15:30+01:00") == zulu)
        #expect(ISODate.parse("2026-11-20T10:15:30.5Z")?.timeIntervalSince1970 == expected + 0.5)
    }

    @Test(arguments: ["", "2026-13-01", "2026-11-20T25:00:00Z", "20-11-2026", "2026-11-20Tfoo", "2026-11-20T10:00Zx"])
    func rejectsMalformedDates(_ text: String) {
        #expect(ISODate.parse(text) == nil)
    }

    @Test func formatRoundTrips() throws {
        let date = try #require(ISODate.parse("1999-02-28T23:59:59Z"))
        #expect(ISODate.format(date) == "1999-02-28T23:59:59Z")
        #expect(ISODate.formatDay(date) == "1999-02-28")
    }
}

@Suite struct MoneyTests {
    @Test(arguments: [
        ("48.48", Int64(4848)), ("-3", -300), ("1,234.50", 123_450), ("1.234,50", 123_450), ("0.005", 1),
        ("12,5", 1250), ("(7.00)", -700),
    ])
    func parsesDecimalStrings(_ text: String, _ cents: Int64) {
        #expect(Money(text)?.cents == cents)
    }

    @Test(arguments: ["", "abc", "12.34.x", "$12"])
    func rejectsNonMoney(_ text: String) {
        #expect(Money(text) == nil)
    }

    @Test func formatsWithTwoPlaces() {
        #expect(Money(cents: 4848).description == "48.48")
        #expect(Money(cents: -5).description == "-0.05")
        #expect(Money(cents: 100).description == "1.00")
    }
}
