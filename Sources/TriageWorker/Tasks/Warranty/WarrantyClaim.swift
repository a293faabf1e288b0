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
    /// The body as written (after the injection screen), for reading names.
    let body: String
    /// True when the message affirms both a failure and an excluded cause ("the pin sheared off and the shelf fell
    /// down"): which caused which is for a person to read.
    var mixedStory = false
    /// True when the problem was read from a general complaint word rather than a failure phrase.
    var problemInferred = false

    init(body: String, subject: String?) {
        self.body = body
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
        // A complaint in other words ("the cutter jams", "ayaw na gumana", "rusak") states a problem too, but only
        // the core failure phrases make it certain enough for high.
        let complaint = defect == nil ? Self.complaints.lazy.compactMap { Self.complained($0, in: folded) }.first : nil
        problemInferred = excluded == nil && defect == nil && complaint != nil
        claimType = excluded?.type ?? (defect == nil && complaint == nil ? "unclear" : "defect")
        mixedStory = excluded != nil && defect != nil
        let needle = excluded.flatMap { Negation.affirmed($0.pattern, in: folded) }
            ?? defect.flatMap { Negation.affirmed($0, in: folded) } ?? complaint
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

    static let refundAsks = [
        #"money back"#, #"\brefund"#, #"\breimburse"#, #"\bmy money\b"#, #"\breembols"#, #"\bremboursement\b"#,
        #"\berstatt"#, #"\buang (saya )?kembali\b|\bkembalikan uang\b"#, #"\bibalik (ang |yung )?pera\b"#,
    ]
    static let repairAsks = [
        #"\brepair"#, #"\bfix\b"#, #"\b(get|have|want|need|like) (it |this |them |that )?(\w+ )?fixed\b"#, #"\bmend\b"#,
        #"perbaik"#, #"\bteknisi\b|\btechnician\b|\bservice (center|centre)\b"#, #"\b(pa|i)?paayos\b"#,
        #"\brepar(ar|ación|acion|er|ieren|atur)\b|\bréparer\b"#,
    ]
    /// Causes the warranty excludes, as people admit them: accidents, misuse (weather, water, the wrong voltage),
    /// wear. Patterns of how such things are said, not any one sender's sentence.
    static let exclusions: [(pattern: String, type: String)] = [
        (#"\bdropped\b"#, "accident"), (#"\bspill(ed|t)\b"#, "accident"),
        (#"\b(dog|puppy|cat|kitten|pet|rabbit|parrot|kids?|child|toddler)s?\b[^.!?\n]{0,80}\bchew(ed|ing)?\b|\bchewed (\w+ )?by (the |my |our )?(dog|puppy|cat|pet|kids?|child|toddler)"#, "accident"),
        (#"\b(sat|stepped|stood|climbed|jumped|ran over|trod) on\b"#, "accident"),
        (#"\b(left|kept|stored) ([a-z']+ ){0,2}(out(side)?|outdoors)\b"#, "misuse"),
        (#"\b(in|into) the (rain|snow|sea|pool|bath|dishwasher|washing machine)\b"#, "misuse"),
        (#"\b(got|was|were|been) (wet|soaked|submerged|rained on)\b"#, "misuse"),
        (#"\b(voltage|110 ?v|220 ?v|230 ?v|240 ?v)\b"#, "misuse"), (#"\bmisuse"#, "misuse"),
        (#"\bworn (out|through|down|off|thin|away)\b"#, "wear"), (#"wear and tear"#, "wear"),
        (#"\blooks? (old|worn|tired|used)\b"#, "wear"),
        (#"\bknocked (\w+ ){0,4}(over|onto|into)\b"#, "accident"),
        (#"\b(slid|slipped|toppled|tumbled|fell|dropped|knocked|tipped) (\w+ )?(off|out of|from|into|in|onto|over|down)\b"#, "accident"),
        (#"\b(terguling|terjatuh|jatuh|nahulog|nabagsak|se cay[oó]|heruntergefallen|tomb[ée])\b"#, "accident"),
        (#"\b(cat|dog|puppy|kitten|pet)s?\b[^.!?\n]{0,80}\b(scratch\w*|chew\w*|bit|bitten|clawed|torn|tore|ripped)\b"#, "accident"),
        (#"\b(stuck|put|poked|inserted|jammed) (a |the |his |her |my )?(knife|fork|spoon|metal|screwdriver|coin)\b"#, "misuse"),
        (#"\b(alumin(i)?um|foil|metal (tray|bowl|plate|container))\b[^.!?\n]{0,80}\bmicrowave|\bmicrowave\b[^.!?\n]{0,80}\b(alumin(i)?um|foil|metal (tray|bowl|plate|container))\b"#, "misuse"),
        (#"\b(overload(ed|ing)?|over the (limit|maximum)|beyond the (limit|maximum)|more than the (limit|maximum))\b"#, "misuse"),
        (#"\b(maximum|max\.?|limit|rated for|capacity)\b[^.!?\n]{0,60}\bbut\b"#, "misuse"),
        (#"\b(stayed|sat|stood|were|was|been) (\w+ )?(outside|outdoors|out in the rain)\b"#, "misuse"),
        (#"\b(kids?|children|child|toddler|son|daughter)\b[^!?\n]{0,60}\b(fed|pushed|stuck|shoved|forced|jammed)\b"#, "misuse"),
        (#"\ball day,? every day\b|\b(heavy|constant|continuous|daily commercial) use\b"#, "wear"), (#"\baccident(al|ally)?\b"#, "accident"),
    ]
    /// How people complain about a product in general words and in the languages they write (English, Malay and
    /// Indonesian, Tagalog, Spanish, French, German): the problem is stated even when no failure phrase is.
    static let complaints = [
        #"\b(problem|problems|issue|issues|error|fails?|failed|failing|failure|faulty|malfunction\w*)\b"#,
        #"\b(can'?t|cannot|won'?t|wont|will not|doesn'?t|does not|didn'?t|isn'?t|is not|aren'?t|are not|not) (\w+ )?"#
            + #"(work|turn|switch|charg|heat|cool|print|cut|spin|clos|open|lock|connect|hold|fold|light|start|stay|sit|"#
            + #"ignite|pull|feed|swivel|roll|rotate|tilt|latch|seal|stick|grip|scan|copy|fax|ring|dial|pair|sync|read|"#
            + #"boot|load|drain|flush|freeze|toast|brew|boil|blend|stand|move|fit|send|receive|dispense|display|show|"#
            + #"play|record|scroll|click|respond)\w*"#,
        #"\b(stuck|jams?|jamm\w*|smells?|smelling|burning|buzz\w*|crackl\w*|humming|rattl\w*|squeak\w*|wobbl\w*|blunt|dull|crooked|misalign\w*|smudg\w*|streak\w*|faded|fading|rust\w*|swollen|swell\w*|bent|dented|scratch\w*|chipped|sagg\w*|stain\w*|mou?ldy?|overheat\w*|dim|blurr\w*|disconnect\w*|died|dies|dying)\b"#,
        #"\bdrop(s|ping)? (the )?(wifi|wi-fi|signal|connection|calls?)\b"#,
        #"\b(went|gone|goes|going|has gone|turned) (silent|dead|flat|dark|black|blank|quiet|lumpy|soft|yellow|brittle)\b"#,
        #"\b(only|just) (gives|toasts|works|prints|heats|charges|lights|cools|spins|turns|cuts) (on |a |one |half|the )"#,
        #"\b(stays|stay|staying|remains|still) (cold|hot|off|on|dark|blank|the same|same|wet)\b"#,
        #"\b(lost|losing|loses) (around |about |roughly |a |its |one |the )?(wheel|leg|screw|button|key|caster|handle|knob|time|minutes|\d+)"#,
        #"\b(white|black|dark|grey|gray|blank|faint) (lines?|streaks?|spots?|stripes?|bands?)\b"#,
        #"\b(too|very|much) (light|faint|dark|loud|slow|weak|dim|hot|cold|noisy)\b"#, #"\bgrinds?\b|\bgrinding\b|\blocks up\b"#,
        #"\b(hindi na|ayaw na|tidak lagi|sudah tidak|lepas|menetes|tidak rapat|sobek)\b"#,
        #"\b(not usable|unusable|useless|randomly|by itself|on its own|sinks?|sinking|walang (sound|tunog|ilaw|power)|wala talaga)\b"#,
        #"\bnever (lights?|works?|starts?|heats?|charges?|turns?|prints?|connects?|ignites?|closes?)\b"#,
        #"\bkeeps? (losing|dropping|jamming|stopping|failing|freezing|crashing|beeping|flashing|tripping|leaking)\b"#,
        #"\b(prints?|printing|shows?|showing|makes?|making|gives?|giving|does|doing) nothing\b|\bblank (receipts?|pages?|screen|display)\b"#,
        #"\bmissing (half|some|parts?|pieces?|segments?|screws?|keys?|a |the )"#,
        #"\bno (\w+ )?(boost|heat|suction|response|flame|light|picture|signal|sound|power|display|dial tone)\b"#,
        #"\b(bow(s|ing|ed)? out|bending|leaning|starting to (tilt|lean|sag|bend|crack|peel|fade|rust|wobble)|tears? (the )?paper|doesn'?t meet|does not meet)\b"#,
        #"\b(rosak|rusak|bocor|penyok|retak|patah|macet|mati|tidak (berfungsi|menyala|bisa|boleh|jalan|berputar))\b"#,
        #"\b(sira|basag|tumigil|ayaw (na )?(gumana|mag\w*|umandar)|hindi (na )?(gumagana|umaandar))\b"#,
        #"\b(no funciona|no enciende|no prende|roto|rota|dañado|danado|falla|defectuos[oa])\b"#,
        #"\b(ne (marche|fonctionne) (plus|pas)|cassée?|en panne|défectueu(x|se)|defectueu(x|se))\b"#,
        #"\b(kaputt|funktioniert nicht|geht nicht( mehr)?)\b"#,
    ]

    /// Where a complaint word is said of the product: not denied ("no problem"), not supposed ("in case of any
    /// issue later", "if it fails"), not a form's label ("Describe the problem:").
    static func complained(_ pattern: String, in folded: String) -> Range<String.Index>? {
        var start = folded.startIndex
        while start < folded.endIndex,
            let found = folded.range(of: pattern, options: .regularExpression, range: start..<folded.endIndex)
        {
            let before = folded[..<found.lowerBound]
            let label = folded[found.upperBound...].drop { $0 == " " }.first == ":"
            if !label, !Negation.isDenied(before: before), !supposed(before) { return found }
            start = found.upperBound > start ? found.upperBound : folded.index(after: start)
        }
        return nil
    }

    /// True when the clause before a word supposes rather than states it: "in case of", "if", "should", "unless".
    private static func supposed(_ before: Substring) -> Bool {
        let clause = before.split(omittingEmptySubsequences: false) { ".;!?\n".contains($0) }.last ?? before
        let words = TextWords.words(String(clause)).suffix(6)
        return words.contains { ["if", "case", "should", "whether", "unless", "prevent", "avoid", "kung", "jika", "kalau",
                                 "apabila", "falls", "wenn", "caso", "si"].contains($0) }
    }

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
