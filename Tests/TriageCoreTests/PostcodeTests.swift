import Testing

@testable import TriageCore

/// A raw postcode, its country and the expected outcome.
struct PostcodeCase: Sendable, CustomTestStringConvertible {
    let raw: String
    let country: String
    let expected: PostcodeResult

    var testDescription: String { "\(country) \"\(raw)\"" }
}

@Suite("Postcode")
struct PostcodeTests {
    static let unitedStates: [PostcodeCase] = [
        .init(raw: "02138", country: "US", expected: .valid("02138")),
        .init(raw: "02138-1234", country: "US", expected: .valid("02138-1234")),
        .init(raw: "021381234", country: "US", expected: .fixed("02138-1234", from: "021381234")),
        .init(raw: " 02138 ", country: "US", expected: .fixed("02138", from: " 02138 ")),
        .init(raw: "02138 1234", country: "us", expected: .fixed("02138-1234", from: "02138 1234")),
    ]

    static let canada: [PostcodeCase] = [
        .init(raw: "K1A 0B1", country: "CA", expected: .valid("K1A 0B1")),
        .init(raw: "k1a0b1", country: "CA", expected: .fixed("K1A 0B1", from: "k1a0b1")),
        .init(raw: "m5v-3l9", country: "CA", expected: .fixed("M5V 3L9", from: "m5v-3l9")),
    ]

    static let unitedKingdom: [PostcodeCase] = [
        .init(raw: "SW1A 1AA", country: "GB", expected: .valid("SW1A 1AA")),
        .init(raw: "sw1a1aa", country: "GB", expected: .fixed("SW1A 1AA", from: "sw1a1aa")),
        .init(raw: "m11ae", country: "GB", expected: .fixed("M1 1AE", from: "m11ae")),
        .init(raw: "B33 8TH", country: "GB", expected: .valid("B33 8TH")),
        .init(raw: "cr26xh", country: "UK", expected: .fixed("CR2 6XH", from: "cr26xh")),
        .init(raw: "DN55 1PT", country: "GB", expected: .valid("DN55 1PT")),
        .init(raw: "W1A 0AX", country: "GB", expected: .valid("W1A 0AX")),
        .init(raw: "EC1A 1BB", country: "GB", expected: .valid("EC1A 1BB")),
        .init(raw: "gir0aa", country: "GB", expected: .fixed("GIR 0AA", from: "gir0aa")),
    ]

    @Test(arguments: unitedStates + canada + unitedKingdom)
    func fixablePostcodeIsNormalised(_ testCase: PostcodeCase) {
        #expect(Postcode.normalise(testCase.raw, country: testCase.country) == testCase.expected)
    }

    static let unfixable: [(raw: String, country: String, reason: String)] = [
        ("9021O", "US", "only digits"),
        ("2138", "US", "leading zero"),
        ("021381", "US", "5 or 9 digits"),
        ("", "US", "empty"),
        ("02138", "FR", "not known"),
        ("K1A 0B", "CA", "6 characters"),
        ("K1A 0BB", "CA", "alternates"),
        ("11A 0B1", "CA", "alternates"),
        ("D1A 0B1", "CA", "letter D is not used"),
        ("W1A 0B1", "CA", "starting with W"),
        ("SW1A 1A", "GB", "inward"),
        ("SW1A 1CA", "GB", "inward"),
        ("QW1A 1AA", "GB", "outward"),
        ("SW1I 1AA", "GB", "outward"),
        ("SW1A1AAA", "GB", "5 to 7"),
        ("Ñ1A 0B1", "CA", "alternates"),
    ]

    @Test(arguments: unfixable.indices)
    func malformedPostcodeIsUnfixableWithAReason(_ index: Int) {
        let testCase = Self.unfixable[index]
        let result = Postcode.normalise(testCase.raw, country: testCase.country)
        guard case .unfixable(let reason) = result else {
            Issue.record("\(testCase.raw) (\(testCase.country)) gave \(result)")
            return
        }
        #expect(reason.contains(testCase.reason), "\(reason)")
        #expect(result.normalised == nil)
    }

    @Test func normalisedFormIsReadFromValidAndFixedResults() {
        #expect(PostcodeResult.valid("02138").normalised == "02138")
        #expect(PostcodeResult.fixed("02138", from: " 02138").normalised == "02138")
    }
}
