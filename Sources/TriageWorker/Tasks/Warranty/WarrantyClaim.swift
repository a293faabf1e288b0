import Foundation
import TriageCore

/// What a warranty email says, read with patterns: the order reference, the problem, the exclusions, the ask.
struct WarrantyClaim: Sendable {
    /// The order reference exactly as the contract labels it ("#1001", "101971"), nil when there is none.
    var orderRef: String?
    /// The sentence that states the problem, nil when none does.
    var issue: String?
    /// defect, accident, misuse, wear or unclear.
    var claimType: String
    var asksRefund: Bool
    var asksRepair: Bool
    /// Content words of subject and body, to find the product on an order.
    var tokens: Set<String>

    /// The customer's ask as the card shows it.
    var ask: String { asksRefund ? "refund" : asksRepair ? "repair" : "replace" }

    init(body: String, subject: String?) {
        let folded = TextFolding.fold(body)
        orderRef = OrderReference.find(in: body) ?? subject.flatMap(OrderReference.find)
        tokens = TextFolding.contentTokens(body + " " + (subject ?? ""))
        // Asks and causes count only where no negation denies them: "I don't want a refund, please repair it",
        // "it was never dropped".
        asksRefund = Self.refundAsks.contains { Negation.affirmed($0, in: folded) != nil }
        asksRepair = Self.repairAsks.contains { Negation.affirmed($0, in: folded) != nil }
        let excluded = Self.exclusions.first { Negation.affirmed($0.pattern, in: folded) != nil }
        let defect = Self.defects.first { Negation.affirmed($0, in: folded) != nil }
        claimType = excluded?.type ?? (defect == nil ? "unclear" : "defect")
        let needle = excluded.flatMap { Negation.affirmed($0.pattern, in: folded) }
            ?? defect.flatMap { Negation.affirmed($0, in: folded) }
        issue = needle.flatMap { Evidence.quote(String(folded[$0]), in: body) }
    }

    /// True when the claim names a problem (a defect or an excluded cause).
    var problemStated: Bool { claimType != "unclear" }

    static let refundAsks = [#"money back"#, #"\brefund"#, #"\breimburse"#, #"\bmy money\b"#]
    static let repairAsks = [#"\brepair"#, #"\bfix\b"#, #"\bfixed\b"#, #"\bmend\b"#]
    static let exclusions: [(pattern: String, type: String)] = [
        (#"\bdropped\b"#, "accident"), (#"\bspill(ed|t)\b"#, "accident"), (#"\bchewed\b"#, "accident"),
        (#"\b(fell|knocked) (off|over)\b"#, "accident"), (#"\b(sat|stepped|ran over) on\b"#, "accident"),
        (#"left (it )?out in the rain"#, "misuse"), (#"voltage converter"#, "misuse"), (#"\bmisuse"#, "misuse"),
        (#"worn out"#, "wear"), (#"wear and tear"#, "wear"), (#"\baccident(al|ally)?\b"#, "accident"),
    ]
    static let defects = [
        #"stopped (working|heating|charging|running)"#, #"\bstopped\b"#, #"won'?t (turn on|work|connect|charge|pair|start)"#,
        #"(doesn'?t|does not|isn'?t|is not) (work|turn on|run|charge|heat)"#, #"not working"#, #"\bbroke(n)?\b"#,
        #"\bleak"#, #"\bnoise\b"#, #"\bcrack"#, #"\bpeel"#, #"came (apart|loose|off)"#, #"\bloose\b"#,
        #"\bflicker"#, #"restart"#, #"no sound"#, #"unravel"#, #"\btrip(s|ped|ping)? (the |a |my )?(breaker|fuse|circuit)"#, #"\b(blow(s|n)?|blew) (the |a )?fuse"#, #"burn(t|ed) out"#,
        #"\bfault"#, #"\bdefect"#, #"\bdead\b"#, #"coming (away|apart|off)"#, #"\bshattered\b"#, #"won'?t connect"#,
        #"keeps (restarting|disconnecting|turning off)"#, #"\bbattery\b"#, #"\bzip\b"#, #"\bseam\b"#,
        #"stitching"#, #"\bsole\b"#, #"\bheel\b"#, #"\bcoating\b"#, #"\bmotor\b"#,
    ]
}
