import Foundation

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
        orderRef = Self.reference(in: body) ?? subject.flatMap(Self.reference)
        tokens = TextFolding.contentTokens(body + " " + (subject ?? ""))
        asksRefund = Self.refundAsks.contains(where: folded.contains)
        asksRepair = Self.repairAsks.contains { folded.range(of: $0, options: .regularExpression) != nil }
        let excluded = Self.exclusions.first { folded.range(of: $0.pattern, options: .regularExpression) != nil }
        let defect = Self.defects.first { folded.range(of: $0, options: .regularExpression) != nil }
        claimType = excluded?.type ?? (defect == nil ? "unclear" : "defect")
        let needle = excluded.flatMap { folded.range(of: $0.pattern, options: .regularExpression) }
            ?? defect.flatMap { folded.range(of: $0, options: .regularExpression) }
        issue = needle.flatMap { Evidence.quote(String(folded[$0]), in: body) }
    }

    /// True when the claim names a problem (a defect or an excluded cause).
    var problemStated: Bool { claimType != "unclear" }

    /// "#1001" for "#1001"/"order #1001", the bare number for "order 1001"/"Order No. 1001"/"order number 1001".
    static func reference(in text: String) -> String? {
        let pattern = #"(?:\border\s*(?:number|no\.?|nr\.?|num\.?)?\s*:?\s*(#?)\s*|(#)\s?)([A-Z]{0,3}-?\d{3,}[\w-]*)"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let number = Range(match.range(at: 3), in: text).map({ String(text[$0]) })
        else { return nil }
        let hashed = [1, 2].contains { index in
            Range(match.range(at: index), in: text).map { !text[$0].isEmpty } ?? false
        }
        return hashed ? "#" + number : number
    }

    static let refundAsks = ["money back", "refund", "reimburse", "my money"]
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
