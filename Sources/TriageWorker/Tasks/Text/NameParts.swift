import Foundation
import TriageCore

/// A person's name as written ("Bob Smith", "M. Gonzales", "Speros G.", "Melton, Charlotte", "emily walker"),
/// split for matching.
struct NameParts: Sendable, Hashable {
    /// Folded given-name words (an initial is one letter).
    let given: [String]
    /// The folded family name (one letter when only its initial was written), when more than one word was written.
    let family: String?

    /// Splits a written name; "Last, First" is read family name first. Nil when it holds no letters.
    init?(_ written: String) {
        // A Japanese or Korean honorific after a hyphen ("Williams-san") is no part of the name.
        let bare = written.replacing(Self.honorificSuffix, with: "")
        let parts = bare.split(separator: ",", maxSplits: 1).map { TextWords.words(String($0)) }
        var words = parts.flatMap { $0 }.filter { $0.first?.isLetter == true }
        while words.count > 1, Self.titles.contains(words[0]) { words.removeFirst() }
        if parts.count == 2, parts[0].count == 1, !parts[1].isEmpty, parts[0][0].count > 1 {
            words = parts[1] + parts[0]
        }
        guard let last = words.last else { return nil }
        if words.count == 1 {
            given = [last]
            family = nil
        } else {
            given = Array(words.dropLast())
            family = last
        }
    }

    /// Titles written before a name ("Mrs. McNair", "(Ms) M. Federle", "Pak Budi"), dropped from it.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "dame", "pak", "bapak", "bu", "ibu", "herr",
        "frau", "sr", "sra", "srta", "senor", "senora", "senorita", "mme", "mlle", "encik", "puan", "cik", "ate",
        "kuya", "tita", "tito", "atty", "engr", "mister", "monsieur", "madame",
    ]

    nonisolated(unsafe) private static let honorificSuffix = #/(?i)-(san|sama|kun|chan|sensei|ssi|nim)\b/#

    /// Tokens to block on: the words, the formal names behind nicknames, without initials.
    var blockingTokens: [String] {
        var tokens = given.filter { $0.count > 1 }
        tokens += tokens.flatMap { Nicknames.formal[$0] ?? [] }
        if let family, family.count > 1 { tokens.append(family) }
        return Array(Set(tokens)).sorted()
    }

    /// The name as the card shows it.
    var display: String { (given + [family ?? ""]).joined(separator: " ").trimmingCharacters(in: .whitespaces) }

    /// True when a written given name (full, nickname or initial) fits `name`.
    static func givenMatches(_ written: String, _ name: String) -> Bool {
        if written == name { return true }
        if written.count == 1 { return name.hasPrefix(written) }
        if Nicknames.formal[written]?.contains(name) == true { return true }
        if Nicknames.formal[name]?.contains(written) == true { return true }
        return TextFolding.isTypo(written, name)
    }

    /// True when a written family name (full, a typo of it, or its initial) fits `name`.
    static func familyMatches(_ written: String, _ name: String) -> Bool {
        if written.count == 1 { return name.hasPrefix(written) }
        return written == name || TextFolding.isTypo(written, name)
    }
}

/// Common English nicknames and the formal names they stand for.
enum Nicknames {
    static let formal: [String: [String]] = {
        var table: [String: [String]] = [:]
        for (name, nicks) in pairs {
            for nick in nicks { table[nick, default: []].append(name) }
        }
        return table
    }()

    /// The nicknames of each formal name.
    static let nicknames: [String: [String]] = Dictionary(pairs, uniquingKeysWith: +)

    private static let pairs: [(String, [String])] = [
        ("william", ["bill", "will", "billy", "willy", "liam"]), ("robert", ["bob", "rob", "bobby", "robbie", "bert"]),
        ("elizabeth", ["liz", "beth", "lizzie", "eliza", "betty", "libby"]), ("katherine", ["kate", "kathy", "katie"]),
        ("catherine", ["cathy", "cat", "kate", "katie"]), ("michael", ["mike", "mick", "mikey"]),
        ("james", ["jim", "jimmy", "jamie"]), ("margaret", ["maggie", "peggy", "meg", "marge"]),
        ("richard", ["rick", "rich", "dick", "richie"]), ("jennifer", ["jen", "jenny"]),
        ("christopher", ["chris", "kit"]), ("christine", ["chris", "tina"]), ("daniel", ["dan", "danny"]),
        ("anthony", ["tony"]), ("joseph", ["joe", "joey"]), ("thomas", ["tom", "tommy"]),
        ("patricia", ["pat", "trish", "patty"]), ("patrick", ["pat", "paddy"]), ("susan", ["sue", "susie"]),
        ("rebecca", ["becky", "becca"]), ("alexander", ["alex", "sandy"]), ("alexandra", ["alex", "sandra"]),
        ("nicholas", ["nick", "nicky"]), ("matthew", ["matt"]), ("andrew", ["andy", "drew"]),
        ("jonathan", ["jon", "jonny"]), ("john", ["jack", "johnny"]), ("samantha", ["sam"]), ("samuel", ["sam"]),
        ("victoria", ["vicky", "tori"]), ("deborah", ["deb", "debbie"]), ("edward", ["ed", "ted", "eddie", "ned"]),
        ("benjamin", ["ben", "benny"]), ("stephanie", ["steph"]), ("stephen", ["steve"]), ("steven", ["steve"]),
        ("timothy", ["tim"]), ("zachary", ["zach", "zack"]), ("gabriel", ["gabe"]), ("abigail", ["abby", "abbie"]),
        ("olivia", ["liv"]), ("sophia", ["sophie"]), ("mohammed", ["mo"]), ("oluwaseun", ["seun"]),
        ("isabella", ["bella", "izzy"]), ("emily", ["em", "emmy"]), ("lucas", ["luke"]), ("amelia", ["millie"]),
        ("jacqueline", ["jackie"]), ("frederick", ["fred", "freddie"]), ("theodore", ["theo", "ted"]),
        ("eleanor", ["ellie", "nell"]), ("harriet", ["hattie"]), ("charles", ["charlie", "chuck"]),
        ("david", ["dave"]), ("peter", ["pete"]), ("jessica", ["jess"]), ("joshua", ["josh"]),
        ("gregory", ["greg"]), ("kenneth", ["ken", "kenny"]), ("ronald", ["ron", "ronnie"]),
        ("donald", ["don"]), ("dorothy", ["dot", "dotty"]), ("barbara", ["barb"]), ("jacob", ["jake"]),
        ("nathaniel", ["nate", "nat"]), ("henry", ["harry", "hank"]), ("raymond", ["ray"]), ("lawrence", ["larry"]),
    ]
}
