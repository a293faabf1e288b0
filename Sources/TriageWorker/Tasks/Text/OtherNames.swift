import Foundation
import TriageCore

/// The further names a message may give its customer by, beside the one ``WrittenName`` reads: a title and a
/// surname ("Mr Murdock", "Pak Alex", "Bu Sari"), someone written for ("on behalf of Charles Sheldon", "for my
/// husband William"), a speaker or form label ("Caller: …", "Name: …", "Visitor: Maris"), a self-introduction
/// ("it's Alex Savely", "I am John"), and the name in an e-mail address ("t.taslimi@…" is T. Taslimi). They widen
/// the search for the customer's orders; the scorer keeps the one that fits an order.
enum OtherNames {
    /// Up to six names found, in order, without repeats; none of them a word no name is.
    static func find(in text: String, email: String?) -> [String] {
        let text = ChatSpeakers.customerLines(text)
        var names: [String] = []
        for pattern in patterns {
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let name = String(text[range]).trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
                let words = TextWords.words(name)
                guard !words.isEmpty, !words.contains(where: notNames.contains), !names.contains(name) else { continue }
                names.append(name)
            }
        }
        if let local = email?.split(separator: "@").first {
            let parts = local.split { ".-_".contains($0) }.map { String($0.filter(\.isLetter)) }.filter { !$0.isEmpty }
            if parts.count >= 2, parts.allSatisfy({ !notNames.contains($0.lowercased()) }) {
                names.append(parts.prefix(3).map(\.capitalized).joined(separator: " "))
            }
        }
        return Array(names.prefix(6))
    }

    /// Capitalised words of three letters or more that may be a name, for a message whose name no reader found
    /// ("[Visitor] Liz Harrington, Cambridge"): up to ``guessLimit``, to look orders up by; the scorer keeps only an
    /// order whose customer's name is among the message's words.
    static func capitalisedWords(in text: String) -> [String] {
        var found: [String] = []
        for match in ChatSpeakers.customerLines(text).matches(of: #/\b\p{Lu}[\p{L}'’\-]{2,}/#) {
            let word = TextWords.fold(String(match.output))
            guard !notNames.contains(word), !TextFolding.stopWords.contains(word), !NameParts.titles.contains(word),
                !SignatureBlock.notPersonal.contains(word), !found.contains(word)
            else { continue }
            found.append(word)
            if found.count == guessLimit { break }
        }
        return found
    }

    /// The most guessed name words one message looks orders up by.
    static let guessLimit = 12

    /// A capitalised name word or an initial ("D.", "C").
    private static let word = #"\p{Lu}(?:[\p{L}'’\-]+|\.)?"#
    private static let capitalised = "(\(word)(?:[ \\t]+\(word)){0,2})"
    private static let anyCase = #"(\p{L}(?:[\p{L}'’\-]+|\.)?(?:,?[ \t]+\p{L}(?:[\p{L}'’\-]+|\.)?)?)"#

    private static let patterns: [NSRegularExpression] = [
        #"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Pak|Bapak|Bu|Ibu|Herr|Frau|Sr|Sra|Señor|Señora|Mme|Mlle|Sir|Encik|Puan|Ate|Kuya|Tita|Tito)\.?[ \t]+"#
            + capitalised,
        #"(?i:on behalf of|for my (?:husband|wife|partner|boss|manager|mother|mum|mom|father|dad|son|daughter|colleague|sister|brother|client|employer))[ \t]+"#
            + capitalised,
        #"(?i:\bit'?s|\bi am|\bi'm|\bim|\bthis is|\bsaya|\bako si|\bsoy|\bje suis|\bin my name,?)[ \t]+"# + capitalised,
        // "the order is under her name, Theresa Swint", "placed in his name: Li Wei".
        #"(?i:\b(?:under|in) (?:her|his|their|my|the) name|\bnamed)[,:]?[ \t]+"# + capitalised,
        // "Eddie Nazzal from Bacoor", "Penelope speaking from Anantapur", "Matt C. here".
        #"(?:^|[,.!?]\s*)"# + capitalised + #"[ \t]+(?:from|in|speaking|here)\b"#,
        // A message that opens with the writer's name and place ("Tom Seio, Guilin. 5 steel rulers …").
        #"^\s*(\p{Lu}\p{Ll}+[ \t]+\p{Lu}[\p{L}'’\-]+),[ \t]+\p{Lu}"#,
        // A chat line's speaker, after a time stamp or not ("[10:31] Carol: Hi").
        #"(?m)^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?"# + capitalised + #"[ \t]*:"#,
        #"(?im)(?:^|\|)[ \t]*(?:name|full name|customer name|caller|customer|cust|visitor|client|requester|nama|pangalan|nombre|nom)[ \t]*:[ \t]*"# + anyCase,
        // A chat's speaker label ("Deborah Brumfield: hi, …") and a self-introduction with "here" ("ken brennan here").
        #"(?m)^[ \t]*(\p{Lu}\p{Ll}+[ \t]+\p{Lu}[\p{L}'’\-]+)[ \t]*:"#,
        #"(?i)(?:^|[,.!?:]\s*|\b(?:hi|hello|hey)\s+\w+,\s*)(\p{L}[\p{L}'’\-]+[ \t]+\p{L}[\p{L}'’\-]+)[ \t]+here\b"#,
    ].map { ConstantPattern.compile($0) }

    /// Words a label or an introduction may be followed by that are no names.
    static let notNames: Set<String> = [
        "the", "a", "an", "i", "we", "you", "it", "this", "that", "please", "order", "return", "refund", "here",
        "there", "team", "all", "sir", "madam", "hi", "hello", "hey", "thanks", "thank", "not", "no", "yes", "ok",
        "okay", "need", "want", "would", "just", "about", "calling", "writing", "good", "sorry", "very", "so", "really",
        "returns", "support", "service", "admin", "info", "sales", "noreply", "contact", "help", "customer",
        "subject", "date", "from", "to", "sent", "cc", "agent", "message", "title", "name", "city", "status",
        "priority", "channel", "item", "items", "reason", "paid", "requester", "created", "note", "problem", "product",
        "outcome", "delivered", "callback", "cust", "caller", "visitor", "bot", "page", "ticket", "store", "superstore",
        "mrs", "mr", "ms", "dr", "re", "fw", "fwd", "dear", "regards", "good", "morning", "afternoon", "evening", "gud",
        "eve", "po", "ma'am", "maam", "kia", "ora", "hola", "halo", "salamat", "terima", "kasih", "chat", "transcript",
        "live", "web", "form", "email", "phone", "call", "sms", "whatsapp", "wechat", "voicemail", "staff", "tel", "fax",
        "mobile", "mob", "hp", "attn", "attention",
    ]
}
