import Foundation

/// How a line at the top of a document reads: a company name, or the address, contact, registration, title, date
/// and field lines around it. Words are compared without case, accents or dots ("S.A." is "sa", "Co." is "co").
enum HeadLine {
    /// Company forms that are never ordinary words.
    static let forms: Set<String> = [
        "sdn", "bhd", "berhad", "pte", "pty", "ltd", "limited", "llc", "llp", "lllp", "inc", "incorporated", "corp",
        "corporation", "gmbh", "mbh", "sarl", "sas", "sasu", "eurl", "spa", "srl", "sprl", "bvba", "plc", "oyj", "ohg",
        "kgaa", "aps", "asa", "kft", "zrt", "sro", "doo", "pvt", "tbk", "jsc", "pjsc", "ooo", "sb", "lda", "ltda",
    ]
    /// Short company forms that are ordinary words elsewhere: counted only as a line's last word.
    static let endForms: Set<String> = [
        "co", "company", "ag", "kg", "sa", "sl", "nv", "bv", "ab", "as", "oy", "kk", "gk", "se", "lp", "ug", "ek", "cv",
        "sc", "spk", "sk",
    ]
    /// Words naming a trade, for businesses registered without a company form.
    static let tradeWords: Set<String> = [
        "enterprise", "enterprises", "trading", "traders", "store", "stores", "shop", "mart", "supermarket",
        "hypermarket", "minimarket", "hardware", "restoran", "restaurant", "cafe", "bakery", "pharmacy", "stationery",
        "marketing", "supplies", "supply", "industries", "holdings", "group", "services", "perniagaan", "syarikat",
        "kedai", "electrical", "electronics", "furniture", "motor", "motors", "garage", "bookstore", "boutique",
        "market", "kitchen", "farm", "gallery", "studio", "centre", "center", "handel", "handelsgesellschaft",
        "werkstatt", "magasin", "tienda", "negozio", "winkel",
    ]
    static let addressWords: Set<String> = [
        "jalan", "jln", "lorong", "persiaran", "taman", "tmn", "kawasan", "bandar", "lot", "street", "st", "road", "rd",
        "avenue", "ave", "lane", "ln", "boulevard", "blvd", "drive", "dr", "highway", "floor", "flr", "level", "suite",
        "unit", "block", "blok", "building", "wisma", "strasse", "str", "strase", "platz", "weg", "rue", "via", "calle",
        "plaza", "box", "postfach", "selangor", "kuala", "lumpur", "johor", "darul", "ehsan",
    ]
    static let otherWords: Set<String> = [
        "tel", "telephone", "phone", "fax", "hp", "mobile", "email", "mail", "www", "http", "https", "reg", "regn",
        "registration", "gst", "vat", "tax", "abn", "acn", "uen", "ein", "siret", "siren", "ustid", "roc",
        "invoice", "receipt", "rechnung", "facture", "factura", "fattura", "quittung", "kassenbon", "simplified",
        "official", "copy", "duplicate", "cashier", "operator", "served", "staff", "counter", "table", "pax",
        "terminal", "welcome", "thank", "thanks", "date", "time", "no", "bill", "order", "customer", "member",
    ]
    /// Titles and fields that end the head once a name was found.
    private static let headEnd: Set<String> = ["invoice", "receipt", "rechnung", "facture", "factura", "bill", "cashier", "date"]

    private static let field = try! NSRegularExpression(pattern: #"^[^:]{1,30}:"#)
    private static let postcode = try! NSRegularExpression(pattern: #"\b\d{4,6}\b|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"#)
    private static let leadingNumber = try! NSRegularExpression(
        pattern: #"^(?:no\.?\s*)?\d+[A-Za-z]?\s*,"#, options: [.caseInsensitive])
    /// "(519537-X)", "[Reg 12345]", "273500-U", a leading "#000002".
    static let registration = try! NSRegularExpression(
        pattern: #"[(\[][^()\[\]]*\d[^()\[\]]*[)\]]|\b\d{5,}-?[A-Z]\b|^#\d+"#)

    /// Dot-free, case-free words: "CO. (M) SDN. BHD." → ["co", "m", "sdn", "bhd"]; "S/B" → ["sb"].
    static func words(_ line: String) -> [String] {
        let folded = line.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        let joined = folded.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: "s/b", with: "sb")
        return joined.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// True for a line that could be a name: letters, and none of the signs of an address, contact, registration,
    /// title, date or field line.
    static func isNameLike(_ written: String) -> Bool {
        let line = withoutRegistration(written)
        let letters = line.filter(\.isLetter).count
        let digits = line.filter(\.isNumber).count
        guard letters >= 2, digits <= letters / 2 else { return false }
        let words = Self.words(line)
        if words.contains(where: otherWords.contains) { return false }
        if score(line) < 3, words.contains(where: addressWords.contains) { return false }
        if line.contains("@") || written.hasPrefix("(") && written.hasSuffix(")") { return false }
        let range = NSRange(line.startIndex..., in: line)
        for regex in [field, postcode, leadingNumber] where regex.firstMatch(in: line, range: range) != nil {
            return false
        }
        return DateFinder.dates(in: line, near: nil).isEmpty
    }

    /// 3 with a company form, 2 with a trade word, 1 otherwise.
    static func score(_ line: String) -> Int {
        let words = Self.words(withoutRegistration(line))
        if words.contains(where: forms.contains) || words.last.map(endForms.contains) == true { return 3 }
        return words.contains(where: tradeWords.contains) ? 2 : 1
    }

    /// The line without parenthesised numbers ("(519537-X)", "[Reg 12345]").
    static func withoutRegistration(_ line: String) -> String {
        registration.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    /// "SDN BHD", "CO. (M) SDN BHD", "Ltd": a line that only completes the name above it.
    static func isFormOnly(_ line: String) -> Bool {
        let words = Self.words(line).filter { $0.count > 1 }
        return !words.isEmpty && words.allSatisfy { forms.contains($0) || endForms.contains($0) }
    }

    /// True when the line begins with a company form, so it continues the name above it.
    static func startsWithForm(_ line: String) -> Bool {
        guard let first = Self.words(line).first else { return false }
        return forms.contains(first) || endForms.contains(first)
    }

    /// A document title or a field that closes the head.
    static func endsHead(_ line: String) -> Bool {
        Self.words(line).contains(where: headEnd.contains)
    }
}
