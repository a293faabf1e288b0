import Foundation
import Testing

@testable import TriageCore

@Suite struct TextWordsTests {
    /// Reads the words of ASCII text the way the Character-by-Character reading does, on texts of every ASCII byte.
    @Test func asciiTextIsReadAsTheUnicodeReadingReadsIt() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + Array("aZ9'-  \r\n")
        var texts = ["3-Hole Punch, Recycled", "Don't SEND it", "SKU TEC-PH-10002275 x2", "", "''", "\r\n", "a\r\nb"]
        for _ in 0..<500 {
            texts.append(String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts {
            let ascii = try #require(TextWords.asciiTokens(text))
            let unicode = TextWords.unicodeTokens(text)
            #expect(ascii.folded == unicode.folded, "\(text.debugDescription)")
            #expect(ascii.ranges.map { String(ascii.folded[$0]) } == unicode.ranges.map { String(unicode.folded[$0]) }, "\(text.debugDescription)")
        }
    }

    @Test func textBeyondASCIIIsFoldedByTheUnicodeReading() {
        #expect(TextWords.asciiTokens("Chloé") == nil)
        #expect(TextWords.words("Chloé’s Straße, ZAPŁATY") == ["chloes", "strasse", "zaplaty"])
    }

    @Test func anOrderLinesWordsReadOnceNameTheSameLines() {
        let line = OrderLine(sku: "OFF-BI-10001524", description: "GBC Premium Transparent Covers", qty: 1, unitPrice: Money(cents: 100))
        let request = RequestedLines(text: "the premium covers arrived torn", reasons: [])
        #expect(request.names(line))
        #expect(request.names(RequestedLines.Line(line)))
        #expect(!RequestedLines(text: "the binder arrived torn", reasons: []).names(RequestedLines.Line(line)))
    }
}
