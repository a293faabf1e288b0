import Foundation
import TriageCore

/// How a name written in a request fits the name on an order.
enum NameFit: Sendable, Equatable {
    /// The name fits, with the weight of the evidence and the reason the card shows.
    case fits(Double, String)
    /// The name contradicts the order's: another person when `firm` (the surname, an initial, or the only name
    /// differs). A first name beside a matching surname may be a nickname no table knows ("Kasia" for
    /// "Katarzyna"): that is a weaker fit, not a contradiction.
    case differs(String, firm: Bool)
    /// Nothing to compare.
    case silent

    /// Compares a written name with the customer name on an order: full names, initials either side, a first name
    /// alone, a nickname, a typo, a surname written first.
    static func assess(_ written: NameParts, against customer: String) -> NameFit {
        guard let theirs = NameParts(customer), let theirGiven = theirs.given.first else { return .silent }
        guard let family = written.family, let given = written.given.first else {
            let only = written.given.first ?? ""
            if NameParts.givenMatches(only, theirGiven) { return .fits(0.15, "first name fits") }
            if only == theirs.family { return .fits(0.12, "surname fits") }
            return .differs("name differs", firm: true)
        }
        guard let theirFamily = theirs.family else {
            return NameParts.givenMatches(given, theirGiven) ? .fits(0.12, "first name fits") : .differs("name differs", firm: true)
        }
        if NameParts.familyMatches(family, theirFamily), NameParts.givenMatches(given, theirGiven) {
            if family.count == 1 { return .fits(0.30, "first name and surname initial fit") }
            if given.count == 1 { return .fits(0.35, "surname and initial fit") }
            return .fits(family == theirFamily ? 0.40 : 0.33, family == theirFamily ? "name matches" : "name close")
        }
        if family.count > 1, given.count > 1, NameParts.givenMatches(family, theirGiven),
            NameParts.familyMatches(given, theirFamily)
        {
            return .fits(0.33, "name fits, surname written first")
        }
        if NameParts.familyMatches(family, theirFamily) {
            // A different initial is another person; a different first name may be a nickname no table holds.
            return family.count > 1 && given.count > 1
                ? .fits(0.20, "surname matches, first name differs") : .differs("name differs", firm: true)
        }
        return .differs("surname differs", firm: true)
    }

    /// Looks for the customer's name in an e-mail address's local part, as people make them: the surname whole, with
    /// the first name or its start before or after it ("ccortes", "valmitchum.vizag", "kennedy.m", "sarahfoster"), or
    /// the surname alone as a part of it. Supporting evidence only: an address names no one else.
    static func email(_ address: String, customer: String) -> NameFit {
        guard let theirs = NameParts(customer), let family = theirs.family, family.count >= 3,
            let given = theirs.given.first, let local = address.split(separator: "@").first
        else { return .silent }
        let parts = TextWords.fold(String(local)).split { !$0.isLetter }.map(String.init)
        for part in parts + (parts.count > 1 ? [parts.joined()] : []) where part.count > family.count {
            let rest = part.hasSuffix(family) ? part.dropLast(family.count) : part.hasPrefix(family) ? part.dropFirst(family.count) : nil
            if let rest, !rest.isEmpty, given.hasPrefix(rest) || rest.hasPrefix(given) {
                return .fits(rest.count > 1 ? 0.35 : 0.30, "name in the e-mail address")
            }
        }
        return family.count >= 4 && parts.contains(family) ? .fits(0.20, "surname in the e-mail address") : .silent
    }

    /// Looks for the order's customer name among the words of a request that names nobody in a way the parsers
    /// recognise: supporting evidence only, never a contradiction.
    static func search(_ words: Set<String>, for customer: String) -> NameFit {
        guard let theirs = NameParts(customer) else { return .silent }
        let familyFound = theirs.family.map { $0.count > 2 && words.contains($0) } ?? false
        let givenFound = theirs.given.first.map { given in
            given.count > 2 && (words.contains(given) || (Nicknames.nicknames[given] ?? []).contains(where: words.contains))
        } ?? false
        switch (familyFound, givenFound) {
        case (true, true): return .fits(0.30, "name appears in the text")
        case (true, false): return .fits(0.20, "surname appears in the text")
        case (false, true): return .fits(0.08, "first name appears in the text")
        case (false, false): return .silent
        }
    }
}
