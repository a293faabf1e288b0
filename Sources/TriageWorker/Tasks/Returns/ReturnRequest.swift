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
    var email: String?
    var phoneDigits: String?
    var line1: String?
    var city: String?
    var postcode: String?
    var items: [ReturnItem] = []
    var refund: Money?
    var currency: String?
    var received: Date
    /// The free text with injected instructions cut out.
    var text: String
    /// When the customer says they bought it.
    var purchaseWindow: ClosedRange<Date>?

    /// Reads the payload fields and, where they are missing, what the free text says.
    init(_ input: TaskInput, screenedText: String) {
        received = input.receivedAt
        text = screenedText
        name = (input.string("customer_name") ?? Self.signature(in: screenedText)).flatMap(NameParts.init)
        email = (input.string("email") ?? Self.email(in: screenedText))?.lowercased()
        phoneDigits = input.string("phone").map { $0.filter(\.isWholeNumber) }
        let address = input.value("address")
        line1 = address?["line1"]?.text
        city = address?["city"]?.text
        postcode = address?["postcode"]?.text
        items = (input.value("items")?.array ?? []).compactMap(Self.item)
        refund = Money(json: input.value("refund_amount"))
        currency = input.string("currency")?.uppercased()
        purchaseWindow = PurchaseWindow.window(in: screenedText, received: received)
    }

    /// SKUs the customer gave.
    var skus: [String] { items.compactMap(\.sku) }

    /// Content words describing the goods: item descriptions, and the free text when there are no items.
    var goodsTokens: Set<String> {
        let described = items.map(\.description).joined(separator: " ")
        return TextFolding.contentTokens(described + " " + text)
    }

    private static func item(_ value: JSONValue) -> ReturnItem? {
        guard let description = value["description"]?.text ?? value["sku"]?.text else { return nil }
        let qty = value["qty"]?.number.flatMap { Int(bounded: $0) }
        return ReturnItem(description: description, sku: value["sku"]?.text?.uppercased(), qty: qty)
    }

    /// The name a free-text request is signed with: the last short run of capitalised words after the last
    /// sentence break, a dash, "Thanks," or "regards,".
    static func signature(in text: String) -> String? {
        guard let lastLine = text.split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        else { return nil }
        var tail = String(lastLine)
        for separator in [". ", "! ", "? ", " - ", ", ", "thx ", "Thanks ", "cheers "] {
            if let range = tail.range(of: separator, options: [.backwards, .caseInsensitive]) {
                tail = String(tail[range.upperBound...])
            }
        }
        let words = tail.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
            .split(separator: " ")
        guard (1...3).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true && $0.count > 1 })
        else { return nil }
        return words.joined(separator: " ")
    }

    static func email(in text: String) -> String? {
        guard let range = text.range(of: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, options: .regularExpression)
        else { return nil }
        return String(text[range])
    }
}
