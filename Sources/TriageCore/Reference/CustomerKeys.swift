import Foundation

/// The blocking keys of one customer (an order's, or a query's), as both stores keep them in `order_keys`:
/// - `n:` a name token, `p:` the last ten phone digits, `z:` the compact postcode, `s:` a SKU on the order;
/// - `nn:` two name tokens of the same name (sorted), `nz:` a name token with the postcode.
public struct CustomerKeys: Sendable {
    /// Lower-case, accent-free name tokens, sorted and unique.
    public let tokens: [String]
    /// The last ten digits of the phone.
    public let phone: String?
    /// The compact upper-case postcode.
    public let postcode: String?

    /// Keys from a name as written (folded into tokens here), a phone and a postcode.
    public init(name: String, phone: String?, postcode: String?) {
        self.init(tokens: Self.nameTokens(name), phone: phone, postcode: postcode)
    }

    /// Keys from name tokens already split (a query's tokens, nickname expansions included).
    public init(tokens: [String], phone: String?, postcode: String?) {
        self.tokens = Array(Set(tokens.flatMap(Self.nameTokens))).sorted()
        self.phone = Self.phoneKey(phone)
        self.postcode = Self.postcodeKey(postcode)
    }

    /// Every key: single tokens, token pairs, tokens with the postcode, phone, postcode and SKUs.
    public func keys(skus: [String] = []) -> Set<String> {
        var keys = Set(tokens.map { "n:" + $0 })
        for (index, first) in tokens.enumerated() {
            for second in tokens[(index + 1)...] { keys.insert("nn:\(first)|\(second)") }
            if let postcode { keys.insert("nz:\(first)|\(postcode)") }
        }
        if let phone { keys.insert("p:" + phone) }
        if let postcode { keys.insert("z:" + postcode) }
        for sku in skus where !sku.isEmpty { keys.insert("s:" + sku) }
        return keys
    }

    /// Lower-case, accent-free words of two or more letters ("José O'Neill" → ["jose", "oneill"]).
    public static func nameTokens(_ name: String) -> [String] {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
        return folded.split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { $0.count >= 2 }
    }

    /// The last ten digits of a phone number, so "+1 512 555 0101" meets "(512) 555-0101".
    public static func phoneKey(_ phone: String?) -> String? {
        guard let digits = phone?.filter(\.isWholeNumber), digits.count >= 7 else { return nil }
        return String(digits.suffix(10))
    }

    /// Upper-case letters and digits of a postcode, so "m1 1ae" meets "M1 1AE".
    public static func postcodeKey(_ postcode: String?) -> String? {
        guard let postcode else { return nil }
        let key = String(postcode.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        return key.isEmpty ? nil : key
    }
}

extension CustomerKeys {
    /// What one shared key of a selective kind (e-mail, phone, two name tokens, a name token with the postcode)
    /// counts for, against 1 for a single name token, a postcode or a SKU: an order sharing the full name outranks
    /// newer orders that share only a first name.
    public static let strongWeight = 3

    /// The weight of one key in the `order_keys` format.
    public static func weight(of key: String) -> Int {
        ["nn:", "nz:", "p:"].contains(where: key.hasPrefix) ? strongWeight : 1
    }

    /// How many of the newest orders in the window one key may contribute: the query's limit for a selective key, a
    /// third of it for a weak one (a first name matches thousands of orders in a million).
    public static func contribution(of key: String, limit: Int) -> Int {
        weight(of: key) == strongWeight ? limit : limit / 3
    }
}

extension CandidateQuery {
    /// The query's keys in the `order_keys` format, sorted so a query's SQL is stable.
    public var blockingKeys: [String] {
        CustomerKeys(tokens: nameTokens, phone: phoneDigits, postcode: postcode).keys(skus: skus).sorted()
    }

    /// The query's window in seconds since 1970, or everything.
    public var window: (low: Double, high: Double) {
        guard let range = placedBetween else { return (-Double.greatestFiniteMagnitude, .greatestFiniteMagnitude) }
        return (range.lowerBound.timeIntervalSince1970, range.upperBound.timeIntervalSince1970)
    }
}
