import Foundation
import Testing

@testable import TriageLLM

@Suite("RetryAfter")
struct RetryAfterTests {
    /// 2015-10-21T07:27:30Z.
    let now = Date(timeIntervalSince1970: 1_445_412_450)

    @Test func readsDelaySeconds() {
        #expect(RetryAfter.delay(from: "120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(from: " 0 ", now: now) == .zero)
    }

    @Test func readsAnHTTPDateRelativeToNow() {
        #expect(RetryAfter.delay(from: "Wed, 21 Oct 2015 07:28:00 GMT", now: now) == .seconds(30))
    }

    @Test func readsTheObsoleteDateForms() {
        #expect(RetryAfter.delay(from: "Wednesday, 21-Oct-15 07:28:00 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.delay(from: "Wed Oct 21 07:28:00 2015", now: now) == .seconds(30))
    }

    @Test func aDateInThePastMeansNow() {
        #expect(RetryAfter.delay(from: "Wed, 21 Oct 2015 07:00:00 GMT", now: now) == .zero)
    }

    @Test(arguments: [nil, "", "soon", "-5", "1.5"] as [String?])
    func unreadableValuesAreIgnored(value: String?) {
        #expect(RetryAfter.delay(from: value, now: now) == nil)
    }
}
