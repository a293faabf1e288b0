import Foundation
import TriageCore

/// One item the customer wants to return.
struct ReturnItem: Sendable, Hashable {
    let description: String
    let sku: String?
    let qty: Int?
}

/// What a return request without an order number says about the customer and the goods.
struct ReturnRequest: Sendable {
    var name: NameParts?
    /// True when the name was read from the message (a signature, a greeting) rather than given as a field.
    var nameFromText = false
    /// True when the message says someone writes for the customer ("on behalf of", "my manager", a forwarded mail,
    /// "our office"): a name read from it that differs from an order's may be the writer's, so it is a doubt.
    var writtenForSomeone = false
    /// Further names the message gives (``OtherNames``), when the name was read from it: they widen the search,
    /// and the one that fits an order counts.
    var otherNames: [NameParts] = []
    var email: String?
    var phoneDigits: String?
    var line1: String?
    var city: String?
    var postcode: String?
    var items: [ReturnItem] = []
    /// The goods named, matched against the catalogue (``resolveGoods(catalogue:)``).
    var mentions: [GoodsMention] = []
    /// Items whose description names no catalogue product: weighed by word overlap.
    var looseItems: [ReturnItem] = []
    /// The refund asked for: the payload's, else the amounts written in the text.
    var refund: Money?
    var writtenAmounts: [Money] = []
    /// Amounts given from memory ("about $430", "fifty-four dollars"): soft evidence only.
    var rememberedAmounts: [Money] = []
    var currency: String?
    var received: Date
    /// The free text (and a structured request's note) with injected instructions cut out.
    var text: String
    /// When the customer says they bought it.
    var purchaseWindow: PurchaseWindow?

    /// How a message says its writer is not (only) the customer.
    static let proxyCues = ConstantPattern.compile(
        #"\b(on behalf of|for my (husband|wife|partner|boss|manager|mother|mum|mom|father|dad|son|daughter|colleague|client|sister|brother)|"#
        + #"my (husband|wife|partner|boss|manager|mother|mum|mom|father|dad|colleague|client|assistant|secretary)|"#
        + #"fwd?:|forward(ed|ing)|our (office|company|school|shop|store|team|kindergarten|clinic|college)|in my name|"#
        + #"(it|admin|purchasing|accounts) (guy|department|team|office)|the order was (placed )?(by|under))"#,
        options: [.caseInsensitive])

    /// The name words to look orders up by: the name read, then the message's other names; when the text gives
    /// none a reader recognises, its capitalised words (``OtherNames/capitalisedWords(in:)``).
    var nameTokens: [String] {
        let read = ((name.map { [$0] } ?? []) + otherNames).flatMap(\.blockingTokens)
        let tokens = read.isEmpty && nameFromText ? OtherNames.capitalisedWords(in: text).flatMap(CustomerKeys.nameTokens) : read
        return tokens.reduce(into: []) { tokens, token in
            if !tokens.contains(token) { tokens.append(token) }
        }
    }

    /// Reads the payload fields and, where they are missing, what the free text says.
    init(_ input: TaskInput, screenedText: String) {
        received = input.receivedAt
        text = screenedText
        phrase = " " + TextWords.words(screenedText).joined(separator: " ") + " "
        name = (input.string("customer_name") ?? WrittenName.find(in: screenedText)).flatMap(NameParts.init)
        nameFromText = input.string("customer_name") == nil
        writtenForSomeone = Self.proxyCues.firstMatch(in: screenedText, range: NSRange(screenedText.startIndex..., in: screenedText)) != nil
        email = (input.string("email") ?? ContactFinder.email(in: screenedText))?.lowercased()
        phoneDigits = input.string("phone").map { $0.filter(\.isWholeNumber) } ?? ContactFinder.phoneDigits(in: screenedText)
        if nameFromText {
            // A name read with a word too many ("e smith calling", "neil ducich perth") fits by two of its words.
            let words = name?.display.split(separator: " ").map(String.init) ?? []
            let trimmed = words.count >= 3 ? [words.prefix(2).joined(separator: " "), words.suffix(2).joined(separator: " ")] : []
            otherNames = (trimmed + OtherNames.find(in: screenedText, email: email)).compactMap(NameParts.init)
                .filter { other in other.blockingTokens != name?.blockingTokens }
        }
        let address = input.value("address")
        line1 = address?["line1"]?.text
        city = address?["city"]?.text
        postcode = address?["postcode"]?.text
        items = (input.value("items")?.array ?? []).compactMap(Self.item)
        refund = Money(json: input.value("refund_amount"))
        writtenAmounts = refund == nil ? AmountFinder.decimalAmounts(in: screenedText) : []
        rememberedAmounts = refund == nil ? ApproximateAmounts.find(in: screenedText) : []
        currency = input.string("currency")?.uppercased()
        purchaseWindow = PurchaseWindow.window(in: screenedText, received: received)
    }

    /// SKUs the customer gave.
    var skus: [String] { items.compactMap(\.sku) }

    /// Word pairs of the item descriptions and the text: the keys for finding the goods in the catalogue.
    /// A plural or singular head word finds the catalogue's other form ("eldon frames" finds "eldon frame", "message
    /// book" "message books"); at most ``goodsPairLimit``, for a huge text.
    var goodsPairs: [String] {
        var pairs: [String] = []
        var seen: Set<String> = []
        for words in (items.map(\.description) + [text]).map(TextWords.words) where words.count >= 2 {
            for index in 1..<words.count {
                let (first, head) = (words[index - 1], words[index])
                let stem = TextFolding.stem(head)
                for pair in [first + " " + head, first + " " + stem, first + " " + stem + "s"] where seen.insert(pair).inserted {
                    pairs.append(pair)
                }
            }
        }
        return Array(pairs.prefix(Self.goodsPairLimit))
    }

    /// The most word pairs one request looks the catalogue up by.
    static let goodsPairLimit = 3_000

    /// Finds the named goods among `catalogue` and the lines of orders already found (`bought`: what the customer
    /// may have meant, also where the catalogue search by word pairs missed it): each item description, else the
    /// free text.
    mutating func resolveGoods(catalogue: [Product], bought: [OrderLine] = []) {
        defer { wordsBesideGoods = Set(TextWords.words(text)).subtracting(mentions.flatMap(\.words)) }
        var known = Set(catalogue.map(\.sku))
        var names = catalogue.map { (sku: $0.sku, description: $0.description) }
        for line in bought where known.insert(line.sku).inserted { names.append((line.sku, line.description)) }
        mentions = []
        looseItems = []
        guard items.isEmpty else {
            // An item is held to the catalogue only when its description names a product ("Fellowes File Cart");
            // a loose one ("green sweater") is weighed by word overlap instead.
            for item in items {
                let fits = GoodsFinder.mentions(in: item.description, names: names)
                guard fits.count == 1, fits[0].words == TextWords.words(item.description) else {
                    looseItems.append(item)
                    continue
                }
                mentions.append(GoodsMention(words: fits[0].words, skus: fits[0].skus, qty: item.qty))
            }
            return
        }
        mentions = GoodsFinder.mentions(in: text, names: names)
    }

    /// The words of the text outside the goods it names: where a customer's name may still be found. Set once by
    /// ``resolveGoods(catalogue:)``, not per candidate.
    private(set) var wordsBesideGoods: Set<String> = []
    /// The text's words joined by single spaces and padded, for whole-phrase search (a city); set once in `init`.
    let phrase: String

    /// Content words describing goods not held to the catalogue: loose item descriptions, and the free text when
    /// no goods were found in it.
    var looseGoodsTokens: Set<String> {
        let described = looseItems.map(\.description).joined(separator: " ")
        return TextFolding.contentTokens(described + " " + (items.isEmpty && mentions.isEmpty ? text : ""))
    }

    private static func item(_ value: JSONValue) -> ReturnItem? {
        guard let description = value["description"]?.text ?? value["sku"]?.text else { return nil }
        let qty = value["qty"]?.number.flatMap { Int(bounded: $0) }
        return ReturnItem(description: description, sku: value["sku"]?.text?.uppercased(), qty: qty)
    }
}
