import TriageCore

/// A generated customer with the name parts the return and warranty texts play with.
struct DemoCustomer: Sendable {
    /// The customer as orders store it.
    let customer: Customer
    /// The first name and its nicknames.
    let firstName: NameBank.FirstName
    /// The family name.
    let lastName: String
    /// The currency the customer pays in.
    let currency: String
}

/// Makes customers with unique emails, fictional phone numbers and addresses with valid postcodes.
struct CustomerFactory {
    var random: DemoRandom
    private var usedEmails: Set<String> = []

    init(random: DemoRandom) {
        self.random = random
    }

    /// Makes `count` customers: about 70 % US, 15 % Canada, 15 % UK.
    mutating func make(count: Int) -> [DemoCustomer] {
        (0..<max(count, 0)).map { _ in makeOne() }
    }

    private mutating func makeOne() -> DemoCustomer {
        let first = NameBank.firstNames[random.below(NameBank.firstNames.count)]
        let last = NameBank.lastNames[random.below(NameBank.lastNames.count)]
        let country = ["US", "CA", "GB"][random.weighted([70, 15, 15])]
        let address = makeAddress(country: country)
        let customer = Customer(
            name: "\(first.name) \(last)", email: uniqueEmail(first: first, last: last),
            phone: phone(country: country), address: address)
        let currency = ["US": "USD", "CA": "CAD", "GB": "GBP"][country] ?? "USD"
        return DemoCustomer(customer: customer, firstName: first, lastName: last, currency: currency)
    }

    private mutating func makeAddress(country: String) -> Address {
        let cities =
            country == "CA" ? AddressBank.caCities : country == "GB" ? AddressBank.gbCities : AddressBank.usCities
        let city = cities[random.below(cities.count)]
        let prefix = city.prefixes[random.below(city.prefixes.count)]
        let street = AddressBank.streets[random.below(AddressBank.streets.count)]
        let suffixes = country == "GB" ? AddressBank.britishSuffixes : AddressBank.northAmericanSuffixes
        let suffix = suffixes[random.below(suffixes.count)]
        let number = country == "GB" ? random.int(1...180) : random.int(2...9_800)
        return Address(
            line1: "\(number) \(street) \(suffix)", city: city.name,
            postcode: PostcodeFactory.valid(country: country, prefix: prefix, random: &random), country: country)
    }

    private mutating func uniqueEmail(first: NameBank.FirstName, last: String) -> String {
        let given = TextFold.ascii(first.name).lowercased()
        let family = TextFold.ascii(last).lowercased()
        let nick = first.nicknames.first.map { TextFold.ascii($0).lowercased() } ?? given
        let domain = ["example.com", "example.net", "example.org", "mail.example"][random.weighted([45, 25, 15, 15])]
        let locals = ["\(given).\(family)", "\(given.prefix(1))\(family)", "\(nick).\(family)", "\(given)_\(family)"]
        var email = "\(locals[random.below(locals.count)])@\(domain)"
        while usedEmails.contains(email) {
            email = "\(locals[random.below(locals.count)])\(random.int(2...98))@\(domain)"
        }
        usedEmails.insert(email)
        return email
    }

    private mutating func phone(country: String) -> String {
        let line = "01\(DemoCalendar.pad2(random.below(100)))"
        if country == "GB" {
            let area = ["20 7946", "161 496", "113 496", "117 496"][random.below(4)]
            return "+44 \(area) 0\(random.int(100...999))"
        }
        let areas = country == "CA" ? ["416", "613", "604", "514", "403"] : ["512", "303", "206", "312", "617", "415"]
        let area = areas[random.below(areas.count)]
        switch random.below(3) {
        case 0: return "+1 \(area) 555 \(line)"
        case 1: return "(\(area)) 555-\(line)"
        default: return "\(area)-555-\(line)"
        }
    }
}

/// ASCII folding for email addresses: drops accents and apostrophes.
enum TextFold {
    static func ascii(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "é", "è", "ê": result.append("e")
            case "ô", "ö": result.append("o")
            case "à", "ä": result.append("a")
            case "'", " ", "-": continue
            default: result.append(character)
            }
        }
        return result
    }
}
