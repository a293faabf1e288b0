import Foundation

/// What instruction-like text aimed at an assistant looks like, on ``ScreenText``-normalised text.
///
/// Written from how injections are phrased in general (imperatives to drop earlier instructions, role and
/// persona switches, chat-template markers, addresses to an AI, blanket approvals), not from any generator's
/// sentences; and checked against ordinary invoices and e-mails, which say "ordering system:", "please pay all
/// invoices" or "disregard my previous email" without being instructions to a model.
enum InjectionPatterns {
    /// True when `normalised` holds an instruction aimed at an assistant.
    static func isInstruction(_ normalised: String) -> Bool {
        instruction.contains { $0.firstMatch(in: normalised, range: NSRange(normalised.startIndex..., in: normalised)) != nil }
    }

    /// False when no part of `raw`, in any of its forms, can hold an instruction: every pattern tried once over the
    /// whole text (sentences run together, so an instruction split over lines is seen), and the patterns anchored
    /// at a line's start once over its lines. Each pattern alone finds its literal words fast; trying them sentence
    /// by sentence, or all in one alternation, took seconds on a 64 KiB invoice, so the screen asks this first.
    static func mayHoldInstruction(_ raw: String, lines: [String]) -> Bool {
        let flowing = ScreenText.forms(of: raw)
        if flowing.contains(where: { form in instruction.contains { $0.firstMatch(in: form, range: NSRange(form.startIndex..., in: form)) != nil } }) {
            return true
        }
        let lined = lines.map(ScreenText.normalise).joined(separator: "\n")
        return lineStart.contains { $0.firstMatch(in: lined, range: NSRange(lined.startIndex..., in: lined)) != nil }
    }

    /// The patterns anchored at a sentence's start or end, matching at every line of a text.
    static let lineStart: [NSRegularExpression] = sources.filter { $0.hasPrefix("^") || $0.hasSuffix("$") }
        .map { ConstantPattern.compile($0, options: .anchorsMatchLines) }

    /// True when any form of the raw text `raw` (``ScreenText/forms(of:)``) holds an instruction.
    static func isInstruction(raw: String) -> Bool {
        ScreenText.forms(of: raw).contains { isInstruction($0) }
    }

    /// True when `normalised` is an ask (approve, refund, pay, mark …): cut only right after an instruction.
    static func isAsk(_ normalised: String) -> Bool {
        ask.firstMatch(in: normalised, range: NSRange(normalised.startIndex..., in: normalised)) != nil
    }

    private static let drop = "(ignore|disregard|forget|override|bypass|discard|abandon|drop)"
    private static let earlier =
        "(all |any |every |each |of |the |your |my |these |those |previous |prior |above |earlier |preceding "
        + "|original |existing |current |initial |system |old |given |specific )*"
    private static let rules =
        "(instructions?|rules?|prompts?|guidelines?|directives?|constraints?|guardrails?|programming)"
    private static let assistant =
        "(ai|a\\.i\\.|assistant|chatbot|bot|model|llm|language model|gpt|automated (system|reviewer|agent|processor))"

    static let sources = [
        "\\b\(drop) \(earlier)\(rules)\\b",
        "\\b(ignore|disregard|forget) (absolutely )?(everything|all of (the|that)|all (that|the above|above|before))\\b",
        "\\byou are (now|no longer) (a|an|the|my|in|acting|operating|free|unrestricted|jailbroken|dan)\\b",
        "\\bfrom now on,? (you|the \(assistant))\\b",
        "(^|\\byou (will |must |should |shall |now |are to )?|\\bplease |\\bnow )(act|behave|respond) as (a|an|the|if|my)\\b",
        "\\bpretend (to be|you are|that you)\\b",
        "\\b(system|developer|hidden|initial) (prompt|message|instructions?)\\b",
        "\\b(new|updated|real|actual|true|override) instructions?\\s*:",
        "\\b(dear|hey|hi|hello|attention|note (to|for)( the)?|message (to|for)( the)?|instructions? (to|for)( the)?) \(assistant)\\b",
        "\\bif you are an? \(assistant)\\b", "\\bas an? (ai|language model)\\b", "\\b(ai|llm) (assistant|agent|reviewer|bot)s?\\b",
        "\\b(automated|automatic) (systems?|reviewers?|agents?|processing) (must|should|shall|will need to|are (instructed|required))\\b",
        "^(system|assistant|developer)( message| note| override)?\\s*:\\s*(you|your|ignore|disregard|forget|override|approve|refund|pay|set|mark|skip|do not|match|choose|select|pick|classify|assign|release|accept|output|respond|reply|the (po|price) check)\\b",
        "<\\|\\s*(im_start|im_end|system|assistant|user|endoftext)\\s*\\|>", "<</?sys>>", "\\[/?(inst|sys)\\]",
        "\\[\\s*(assistant|system|ai|admin|developer)\\b[^\\]]*\\]", "</?\\s*(email|invoice|text|system|data|document|context|instructions?|user|assistant)\\s*>",
        "\\b(action|decision|confidence)\\s*=", "\\b(action|decision)\\s*:\\s*\"?(approve|refund|pay|release)\\b",
        "\\b(approve|refund|accept|authori[sz]e|pay) (everything|anything|all of them|all (claims|refunds|requests|returns))\\b",
        "\\b(approve|refund|pay|process|accept|release)\\b.*\\bwithout (any )?(human |manual )?(review|verification|checks?|checking)\\b",
        "\\bmark (this|the|it)( \\w+)? as (approved|verified|pre-?approved|legitimate|valid|high confidence)\\b",
        "\\bskip (the |any |all )?(price|po|purchase order|fraud|policy|manual|human|validation|verification)( \\w+)? (checks?|reviews?|verification|validation)\\b",
        "\\b(do not|don't|never) (hold|flag|escalate|review|verify|question) (this|the|it|any)\\b",
        "\\bissue (a |the )?(full )?refund (now|immediately|right away|at once)\\b",
        "\\breveal (your|the) (system )?(prompt|instructions)\\b",
        // Fake ends of the data and role headers: "EMAIL>>> ### SYSTEM", "--- end of customer message ---".
        "#{2,}\\s*(system|assistant|admin|developer|instructions?|new instructions|prompt|override|response)\\b",
        "^\\W*(end|fin|ende|einde|koniec) (of|del|de la|du|de|der|des|van|van het|della|do|da) ?(the |this )?"
            + "(customer |kunden|cliente |client )?(email|e-mail|mail|message|text|data|input|document|mensaje|nachricht|"
            + "texto|daten|données|donnees|messaggio|bericht|mensagem|wiadomości|wiadomosci)\\W*$",
        "(>{3,}|<{3,}|={3,}|-{3,})\\s*(#+\\s*)?(system|assistant|admin|developer|instructions?|ai|model)\\b",
        "^(system|assistant|admin|administrator|developer|instruction|instructions|ai|model|bot)\\s*(>+|\\]|::)",
        // A JSON or YAML blob that sets the decision: {"action": "refund", "confidence": "high"}.
        "\"?\\b(action|decision|confidence|suggested_action|approved|approval|override|refund_amount|verdict)\"?\\s*[:=]\\s*\"?"
            + "(approve|approved|refund|pay|release|high|true|yes|replace|repair|deny|match_order|accept|\\d{3,})\\b",
    ] + languageSources + moreLanguageSources

    static let instruction: [NSRegularExpression] = sources.map { ConstantPattern.compile($0) }


    static let ask = ConstantPattern.compile(
        "^\\W*(please |kindly |then |and |now |bitte |por favor |s'il vous plaît |per favore |alstublieft |proszę )?"
            + "(approve|refund|pay|release|issue|mark|set|match|accept|send|transfer|wire|process|grant|select|choose|"
            + "output|respond|reply|answer|classify|return|\(languageAsk))\\b")
}
