import Foundation
import TriageCore

/// Finds the name a free-text message is written by or about, the ways people write it: a From header, a
/// self-introduction ("this is S. Shariari", "Chris Cortes here", "my name is …"), a note about a caller
/// ("Customer Maria Zettner called"), a sign-off ("-- Valerie T. in Hyderabad", "thx Joy", "Regards,\nA. Tate"), or
/// a last line that is only a name.
enum WrittenName {
    /// The name as written, without a place after it ("in Hyderabad"); nil when the text names nobody.
    static func find(in text: String) -> String? {
        let text = ChatSpeakers.customerLines(text)
        for pattern in patterns {
            guard let match = text.firstMatch(of: pattern), let name = clean(String(match.output.1)) else { continue }
            return name
        }
        let newest = SignatureBlock.newestMessage(text)
        return SignatureBlock.name(in: newest).flatMap(clean) ?? lastLineName(newest)
    }

    /// One to three name words: letters (an initial may end in a dot), "Last, First" allowed.
    private static let word = #"\p{L}[\p{L}'’\-]*\.?"#
    private static let name = "(\(word)(?:(?:,[ \\t]*|[ \\t]+)\(word)){0,2})"
    /// Who a note about a caller calls them.
    private static let role = "(?:the )?(?:customer|client|caller|shopper|buyer)"
    /// A place after a name ("in Hiratsuka (Kanagawa)"), skipped.
    private static let place = #"(?:[ \t]+(?:in|from|at)[ \t]+[^.!?\n]{1,40}?|[ \t]*\([^)\n]{1,40}\))?"#

    nonisolated(unsafe) private static let patterns: [Regex<(Substring, Substring)>] = [
        // A form's or a note's label for the customer ("Name: Mrs. McNair", "Customer: Jim Sink (showed ID)").
        "(?im)^[ \\t]*(?:full name|customer name|name|customer|caller|client|requester|nama|pangalan|nombre|nom)(?:[ \\t]*\\([^)\\n]*\\))?[ \\t]*:[ \\t]*\(name)[ \\t]*(?:\\(.*\\))?[ \\t]*$",
        "(?im)^from:[ \\t]*\"?\(name)\"?[ \\t]*(?:<|$)",
        "(?i)\\b(?:this is|my name is|name's|name is)[ \\t]+\(name)\(place)(?=[\\s.,!?;:]|$)",
        "(?i)(?:^|[.!?:,]\\s+|\\n|\\b(?:hi|hello|hey|morning|afternoon|evening|greetings)[,!]?[ \\t]+)\(name)\(place)[ \\t]+here\\b",
        "(?i)(?:(?:^|[.!?]\\s+|\\n)(?:\(role)[ \\t]+)?|\\b\(role)[ \\t]+)\(name)\(place)[ \\t]+(?:called|phoned|rang|rung|wrote|e-?mailed|messaged|says|said|asked|asks|wants|would|is|was|came|dropped)\\b",
        "(?im)^[ \\t]*(?:--+|—|–)[ \\t]*\(name)\(place)[ \\t]*(?:\\(.*\\))?[ \\t]*$",
        "(?i)\\b(?:thanks|thank you|thx|ty|cheers|regards|best|sincerely|yours|br)[,!.]?\\s+\(name)\(place)[ \\t]*[.!]?[ \\t]*(?:\\(.*\\))?\\s*$",
    ].map { try! Regex($0, as: (Substring, Substring).self) }  // constant patterns; WrittenNameTests runs each

    /// The name words before the first word no name is ("Mary and I" → "Mary"); nil when none is left.
    private static func clean(_ raw: String) -> String? {
        var kept: [Substring] = []
        for piece in raw.split(whereSeparator: \.isWhitespace) {
            let words = TextWords.words(String(piece))
            guard !words.isEmpty, !words.contains(where: notNames.contains) else { break }
            kept.append(piece)
        }
        var name = kept.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;: "))
        // A sentence's full stop after a name is not part of it; an initial's dot is ("Valerie T.").
        if name.hasSuffix("."), let last = kept.last, TextWords.words(String(last)).first.map({ $0.count > 1 }) == true {
            name.removeLast()
        }
        return name.isEmpty ? nil : name
    }

    /// The end of the last line, after its last sentence ("… Any idea where it went? Fatima"), when it reads as a
    /// person's name (``SignatureBlock/personName(_:)``: "Anne", "J. Przybylski", "Maria Etezadi").
    private static func lastLineName(_ text: String) -> String? {
        guard let line = text.split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        else { return nil }
        return SignatureBlock.personName(lastSentence(String(line)).trimmingCharacters(in: .whitespaces)).flatMap(clean)
    }

    /// What follows the last sentence end, dash or comma of `line`; the dot of an initial ("J. Przybylski") ends
    /// no sentence.
    private static func lastSentence(_ line: String) -> String {
        let characters = Array(line)
        var start = 0
        for index in characters.indices.dropLast() where characters[index + 1] == " " {
            let mark = characters[index]
            let initial = mark == "." && index >= 1 && characters[index - 1].isLetter
                && (index == 1 || !characters[index - 2].isLetter)
            if ("!?,".contains(mark) || (mark == "." && !initial) || "-–—".contains(mark)) { start = index + 1 }
        }
        return String(characters[start...])
    }

    /// Words that end a greeting or start a sentence, never a name.
    private static let notNames: Set<String> = [
        "the", "a", "an", "i", "we", "you", "it", "this", "that", "please", "order", "return", "refund", "here",
        "there", "team", "all", "sir", "madam", "everyone", "support", "thanks", "thank", "hi", "hello", "hey",
        "and", "for", "again", "in", "advance", "so", "much", "very", "from", "to", "me", "my", "your", "is",
        "they", "he", "she", "us", "them", "his", "her", "our", "their", "calling", "writing", "im", "ive", "po", "opo",
        "mama", "papa", "lah", "ya", "cost", "what", "who", "which", "where", "when", "how", "why", "thx", "ty", "tks",
        "tq", "cheers", "original", "message", "forwarded",
    ]
}
