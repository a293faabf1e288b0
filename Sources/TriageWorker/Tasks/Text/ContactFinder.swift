import Foundation

/// E-mail addresses and phone numbers as people put them in messages and signatures.
enum ContactFinder {
    /// The first e-mail address ("Pedro <pedro.alves+returns@mail.co.uk>" → the address), lower-cased.
    static func email(in text: String) -> String? {
        text.firstMatch(of: emailPattern).map { String($0.output).lowercased() }
    }

    /// The digits of the first phone number a cue introduces ("tel", "phone", "mobile", "cell", "call me on",
    /// "whatsapp") or that starts with "+": 7 to 15 digits, written with spaces, dots, dashes or brackets.
    /// Order numbers and amounts are not phones: without a cue or a "+", nothing is read.
    static func phoneDigits(in text: String) -> String? {
        guard let match = text.firstMatch(of: phonePattern) else { return nil }
        let digits = String(match.output.1).filter(\.isWholeNumber)
        return (7...15).contains(digits.count) ? digits : nil
    }

    nonisolated(unsafe) private static let emailPattern = /[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}/
    nonisolated(unsafe) private static let phonePattern =
        /(?i)(?:\b(?:tel|phone|mobile|mob|cell|ph|call me on|call me at|reach me on|reach me at|whatsapp)\b\.?:?\s*|(?=\+\d))(\+?\(?\d[\d\s().\-]{5,20}\d)/
}
