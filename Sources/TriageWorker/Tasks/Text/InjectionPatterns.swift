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
    ]

    static let instruction: [NSRegularExpression] = sources.map { ConstantPattern.compile($0) }

    static let ask = ConstantPattern.compile(
        "^\\W*(please |kindly |then |and |now )?(approve|refund|pay|release|issue|mark|set|match|accept|send|"
            + "transfer|wire|process|grant|select|choose|output|respond|reply|answer|classify|return)\\b")
}
