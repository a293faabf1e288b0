import Foundation
import TriageCore

/// Reads the name in a message's sign-off block, as a clerk does: after the closing ("Sincerely,", "Warm regards,",
/// "Thank you very much.", "Salamat po,") comes the writer's name, and below it perhaps a job title, a department, a
/// company, an address and a phone number ("C. Soltero / Finance Department / Xianning Vocational College"). The
/// first line under the closing that reads as a person's name is the name; title and company lines are skipped.
enum SignatureBlock {
    /// The name signed under the last closing of `text`, nil when there is no closing or no name line under it.
    static func name(in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let closing = lines.lastIndex(where: isClosing) else { return nil }
        for line in lines[(closing + 1)...].filter({ !$0.isEmpty }).prefix(4) {
            if let name = personName(line) { return name }
        }
        return nil
    }

    /// The text without quoted history: lines quoted with ">" and everything from an "Original message" or
    /// "Forwarded message" divider on, so a sign-off is read from the newest message only.
    static func newestMessage(_ text: String) -> String {
        var kept: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.firstMatch(of: divider) != nil { break }
            if !trimmed.hasPrefix(">") { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }

    /// A line that is a person's name: one to three name words (an initial counts), after an optional title
    /// ("(Ms) M. Federle", "Dr. Ana Ruiz"); no digits, no word of a job title, a department or a company.
    static func personName(_ line: String) -> String? {
        var words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        while let first = words.first, NameParts.titles.contains(TextWords.words(first).first ?? "") {
            words.removeFirst()
        }
        guard (1...3).contains(words.count), words.contains(where: { TextWords.words($0).first?.count ?? 0 > 1 }) else {
            return nil
        }
        for word in words {
            guard let first = word.first, first.isUppercase, word.allSatisfy({ $0.isLetter || ".-'’".contains($0) }),
                !TextWords.words(word).contains(where: notPersonal.contains)
            else { return nil }
        }
        return words.joined(separator: " ")
    }

    /// A line that closes a message: a closing word or phrase, perhaps with a few more words ("Thank you very much.",
    /// "Best regards from Manila,").
    private static func isClosing(_ line: String) -> Bool {
        let words = TextWords.words(line)
        guard !words.isEmpty, words.count <= 6 else { return false }
        return closings.contains { closing in words.starts(with: closing) }
    }

    private static let closings: [[String]] = [
        "regards", "kind regards", "warm regards", "warmest regards", "best regards", "best wishes", "best", "cheers",
        "sincerely", "yours sincerely", "yours faithfully", "yours truly", "yours", "respectfully", "thanks",
        "thank you", "many thanks", "thanks again", "with thanks", "with regards", "with best regards", "br",
        "salamat", "maraming salamat", "terima kasih", "hormat saya", "salam", "gracias", "saludos", "atentamente",
        "cordialement", "merci", "bien cordialement", "mit freundlichen grussen", "mfg", "viele grusse", "lg",
        "atenciosamente", "obrigado", "obrigada", "distinti saluti", "cordiali saluti", "met vriendelijke groet",
        "groetjes", "arigato", "xie xie", "cam on",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Words of job titles, departments, companies and contact lines: a line holding one is no person's name.
    static let notPersonal: Set<String> = [
        "manager", "director", "officer", "assistant", "coordinator", "administrator", "admin", "secretary",
        "principal", "head", "chief", "lead", "supervisor", "executive", "accountant", "engineer", "teacher",
        "owner", "proprietor", "founder", "president", "chair", "partner", "consultant", "specialist", "analyst",
        "clerk", "staff", "intern", "department", "dept", "division", "office", "team", "unit", "section",
        "finance", "accounts", "accounting", "purchasing", "procurement", "operations", "sales", "marketing",
        "hr", "it", "support", "services", "service", "logistics", "company", "co", "ltd", "inc", "corp",
        "corporation", "llc", "pte", "pty", "sdn", "bhd", "gmbh", "group", "holdings", "trading", "enterprises",
        "enterprise", "solutions", "studio", "works", "school", "college", "university", "academy", "institute",
        "kindergarten", "clinic", "hospital", "hotel", "restaurant", "cafe", "store", "shop", "center", "centre",
        "foundation", "association", "ministry", "bureau", "agency", "club", "church", "library", "tel", "phone",
        "mobile", "mob", "fax", "email", "mail", "www", "address", "road", "street", "st", "avenue", "district",
        "sent", "from", "my", "iphone", "android", "the", "and", "of", "for", "on", "behalf", "customer",
    ]

    /// "-----Original Message-----", "-------- Forwarded message --------", "Begin forwarded message:".
    nonisolated(unsafe) private static let divider = #/(?i)^[-_ >]*(original message|forwarded message|begin forwarded message|weitergeleitete nachricht|mensaje original|message d'origine)/#
}

/// Chat transcripts and call notes hold the agent's lines too ("[Agent Zhou] Hi, this is Zhou."): the customer's
/// name is read from the other lines.
enum ChatSpeakers {
    /// `text` without the lines an agent, a bot or staff speaks.
    static func customerLines(_ text: String) -> String {
        guard text.firstMatch(of: agentLine) != nil else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.firstMatch(of: agentLine) == nil }.joined(separator: "\n")
    }

    /// "[Agent Zhou] …", "Agent Linh: …", "[10:02] Bot: …", "CS (Mei): …".
    nonisolated(unsafe) private static let agentLine =
        #/(?im)^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?\[?(?:agent|bot|staff|support|cs|operator|representative|rep|advisor|adviser|superstore)\b[^:\]\n]{0,30}[:\]]/#
}
