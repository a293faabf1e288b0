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

    /// The body folded for matching.
    let folded: String
    /// True when the message affirms both a failure and an excluded cause ("the pin sheared off and the shelf fell
    /// down"): which caused which is for a person to read.
    var mixedStory = false

    init(body: String, subject: String?) {
        let folded = TextFolding.fold(body)
        self.folded = folded
        orderRef = OrderReference.find(in: body) ?? subject.flatMap(OrderReference.find)
        tokens = TextFolding.contentTokens(body + " " + (subject ?? ""))
        // Asks and causes count only where no negation denies them: "I don't want a refund, please repair it",
        // "it was never dropped".
        asksRefund = Self.refundAsks.contains { Negation.affirmed($0, in: folded) != nil }
        asksRepair = Self.repairAsks.contains { Negation.affirmed($0, in: folded) != nil }
        let excluded = Self.exclusions.first { Negation.affirmed($0.pattern, in: folded) != nil }
        let defect = Self.defects.first { Negation.affirmed($0, in: folded) != nil }
        claimType = excluded?.type ?? (defect == nil ? "unclear" : "defect")
        mixedStory = excluded != nil && defect != nil
        let needle = excluded.flatMap { Negation.affirmed($0.pattern, in: folded) }
            ?? defect.flatMap { Negation.affirmed($0, in: folded) }
        issue = needle.flatMap { Evidence.quote(String(folded[$0]), in: body) }
    }

    /// A word telling how the damage came about (a fall, a load, water, a move), when the claim reads as a defect:
    /// the circumstance may be an excluded cause said in words the exclusions do not know, so it is a reason for a
    /// person to look, never for "high".
    var circumstance: String? {
        if mixedStory { return "a failure and an excluded cause in one story" }
        guard claimType == "defect" else { return nil }
        return Self.circumstances.lazy.compactMap { Negation.affirmed($0, in: self.folded) }.first.map { String(self.folded[$0]) }
    }

    /// How people describe what happened around a failure: force, load, liquid, moving, weather, children and
    /// pets, heat. Not causes in themselves; each one means a person should read the story.
    static let circumstances = [
        #"\b(fell|fall(en|s)?|slid|slipped|tipped|knocked|bumped|hit|dropp?ed|impact|crash(ed)?)\b"#,
        #"\b(concrete|stairs|floor|pavement|tiles)\b"#, #"\b(moved|moving|move|transport(ed)?|trolley|removal)\b"#,
        #"\b(overload(ed)?|\d+ ?kg|kilos?|pounds|lbs|weight|heavy|maximum|limit)\b"#,
        #"\b(water|liquid|coffee|tea|juice|wine|rain|wet|damp|humid|flood(ed)?|sea|pool)\b"#,
        #"\b(kids?|child(ren)?|toddler|son|daughter|grandson|granddaughter|dog|cat|puppy|pet)\b"#,
        #"\b(sparks?|sparked|bang|flash|melted|scorched|burnt|burned|foil|alumin(i)?um|metal)\b"#, #"\b(sun|heater|radiator|oven|stove|fire)\b"#,
        #"\b(outside|outdoors|garage|garden|balcony|car|van|truck)\b"#,
    ]

    /// True when the claim names a problem (a defect or an excluded cause).
    var problemStated: Bool { claimType != "unclear" }

    static let refundAsks = [#"money back"#, #"\brefund"#, #"\breimburse"#, #"\bmy money\b"#]
    static let repairAsks = [#"\brepair"#, #"\bfix\b"#, #"\bfixed\b"#, #"\bmend\b"#]
    /// Causes the warranty excludes, as people admit them: accidents, misuse (weather, water, the wrong voltage),
    /// wear. Patterns of how such things are said, not any one sender's sentence.
    static let exclusions: [(pattern: String, type: String)] = [
        (#"\bdropped\b"#, "accident"), (#"\bspill(ed|t)\b"#, "accident"), (#"\bchewed\b"#, "accident"),
        (#"\b(fell|knocked|tipped) (\w+ )?(off|over|down)\b"#, "accident"), (#"\b(sat|stepped|stood|climbed|jumped|ran over|trod) on\b"#, "accident"),
        (#"\b(left|kept|stored) ([a-z']+ ){0,2}(out(side)?|outdoors)\b"#, "misuse"),
        (#"\b(in|into) the (rain|snow|sea|pool|bath|dishwasher|washing machine)\b"#, "misuse"),
        (#"\b(got|was|were|been) (wet|soaked|submerged|rained on)\b"#, "misuse"),
        (#"\b(voltage|110 ?v|220 ?v|230 ?v|240 ?v)\b"#, "misuse"), (#"\bmisuse"#, "misuse"),
        (#"\bworn (out|through|down)\b"#, "wear"), (#"wear and tear"#, "wear"), (#"\baccident(al|ally)?\b"#, "accident"),
    ]
    /// How people say something stopped doing its job: verbs and states of failure, not names of parts.
    static let defects = [
        #"stopped (working|heating|charging|running|cooling|spinning)"#, #"\bstopped\b"#,
        #"won'?t (turn on|work|connect|charge|pair|start|heat|hold a charge)"#,
        #"(doesn'?t|does not|isn'?t|is not|no longer) (work|turn on|run|charge|heat|hold)"#, #"not working"#,
        #"\bbroke(n)?\b"#, #"\bleak"#, #"\bnois(e|y)\b"#, #"\bcrack"#, #"\bpeel"#, #"came (apart|loose|off|unstuck|undone)"#,
        #"\bloose\b"#, #"\bflicker"#, #"restart"#, #"no sound"#, #"unravel"#, #"\b(split|splits|torn|tore|ripped|frayed|fraying|snapped|sheared|buckled|warped|jammed|seized)\b"#,
        #"\btrip(s|ped|ping)? (the |a |my )?(breaker|fuse|circuit)"#, #"\b(blow(s|n)?|blew) (the |a )?fuse"#, #"burn(t|ed) out"#,
        #"\bfault"#, #"\bdefect"#, #"\bdead\b"#, #"coming (away|apart|off|loose)"#, #"\bshattered\b"#,
        #"keeps (restarting|disconnecting|turning off|dying|dropping)"#, #"drains? (fast|quickly|overnight)"#,
        #"\b(overheat|smok)"#,
    ]
}
