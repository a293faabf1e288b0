/// The pieces of a warranty email and the four voices customers write them in.
enum WarrantyTexts {
    /// What went wrong, by category, as a clause about "it".
    static func defect(category: String, random: inout DemoRandom) -> String {
        let options: [String]
        switch category {
        case "electronics":
            options = [
                "it stopped charging", "it won't turn on anymore", "it keeps restarting by itself",
                "the left side has no sound",
            ]
        case "appliances":
            options = [
                "it stopped heating", "it leaks from the base", "it makes a loud grinding noise",
                "it trips the breaker every time I switch it on",
            ]
        case "apparel": options = ["the zip broke", "a seam came apart", "the stitching is unravelling"]
        case "footwear":
            options = [
                "the sole is coming away from the upper", "the stitching came loose",
                "the heel cracked",
            ]
        case "home": options = ["the handle came loose", "it flickers constantly", "the coating is peeling off"]
        default: options = ["it stopped working", "the motor doesn't run", "the remote won't connect"]
        }
        return options[random.below(options.count)]
    }

    /// Damage the warranty excludes: an accident, misuse or normal wear, told as the customer tells it.
    static let exclusions = [
        "I dropped it on the kitchen tiles and it cracked", "I spilled a glass of water on it and it stopped working",
        "my dog chewed through it", "after a lot of daily use it's simply worn out",
        "I used it with a cheap voltage converter abroad and it burnt out", "my son left it out in the rain overnight",
    ]

    static let refundAsks = ["I'd like my money back.", "Please refund me.", "I want a full refund."]
    static let repairAsks = ["Can you repair it?", "Could you fix it for me?", "I'd like it repaired under warranty."]
    static let replaceAsks = ["Please send me a replacement.", "Could you send me a new one?", ""]

    /// An order reference as written, and the `order_ref` label for it.
    static func reference(_ number: String, random: inout DemoRandom) -> (written: String, label: String) {
        switch random.below(5) {
        case 0: ("#\(number)", "#\(number)")
        case 1: ("order \(number)", number)
        case 2: ("order number \(number)", number)
        case 3: ("Order No. \(number)", number)
        default: ("order #\(number)", "#\(number)")
        }
    }

    /// The parts one email is made of.
    struct Parts {
        let product: String
        let problem: String
        let ask: String
        let reference: String?
        let when: String
        let signature: String
        let fullName: String
    }

    /// Subject and body in one of four voices: formal, angry, brief, rambling.
    static func render(_ parts: Parts, random: inout DemoRandom) -> (subject: String, body: String) {
        switch random.below(4) {
        case 0: return formal(parts)
        case 1: return angry(parts)
        case 2: return brief(parts)
        default: return rambling(parts)
        }
    }

    private static func formal(_ p: Parts) -> (String, String) {
        let reference = p.reference.map { " (\($0))" } ?? ""
        return (
            "Warranty claim - \(p.product.capitalizedFirst)",
            "Dear Customer Service,\n\nI am writing regarding the \(p.product) I purchased \(p.when)\(reference). "
                + "Unfortunately, \(p.problem). \(p.ask)\n\nI look forward to your reply.\n\n"
                + "Yours sincerely,\n\(p.fullName)"
        )
    }

    private static func angry(_ p: Parts) -> (String, String) {
        let reference = p.reference.map { " from \($0)" } ?? ""
        return (
            "BROKEN \(p.product.uppercased())!!!",
            "This is unacceptable. I bought the \(p.product)\(reference) and \(p.problem)!! I paid good money "
                + "for this. \(p.ask) And I want an answer TODAY.\n\(p.signature)"
        )
    }

    private static func brief(_ p: Parts) -> (String, String) {
        let reference = p.reference.map { " \($0)." } ?? ""
        return (p.product, "\(p.product) - \(p.problem).\(reference) \(p.ask) thx \(p.signature)")
    }

    private static func rambling(_ p: Parts) -> (String, String) {
        let reference = p.reference.map { ", it was \($0) I think" } ?? ""
        return (
            "question about my \(p.product)",
            "Hi there, so this is a bit of a long story. I bought the \(p.product) \(p.when), I think it was "
                + "meant to be a present but I ended up keeping it, anyway\(reference). Everything was fine until "
                + "recently when \(p.problem). I tried everything, my neighbour even had a look at it. \(p.ask) "
                + "Sorry for the long message!\n\(p.signature)"
        )
    }

    /// An email that states neither the product nor the problem.
    static func vague(reference: String?, signature: String, random: inout DemoRandom) -> (
        subject: String, body: String
    ) {
        let about = reference.map { "my \($0)" } ?? "my order"
        let bodies = [
            "Hello, I have a problem with \(about) and need to make a warranty claim. Please call me back. "
                + signature,
            "Hi, something is wrong with \(about). What do I do? \(signature)",
            "Warranty question regarding \(about). Please advise.\n\(signature)",
        ]
        return ("Warranty", bodies[random.below(bodies.count)])
    }
}

extension String {
    /// The string with its first letter upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
