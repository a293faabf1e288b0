/// How customers write their own names and emails on a return form: nicknames, initials, typos.
enum NameVariants {
    /// The name as the customer wrote it.
    static func name(_ customer: DemoCustomer, random: inout DemoRandom) -> String {
        let first = customer.firstName
        switch random.weighted([40, 15, 15, 8, 14, 8]) {
        case 0: return customer.customer.name
        case 1: return "\(random.pick(first.nicknames) ?? first.name) \(customer.lastName)"
        case 2: return "\(first.name.prefix(1)). \(customer.lastName)"
        case 3: return first.name
        case 4: return "\(first.name) \(typo(customer.lastName, random: &random))"
        default: return customer.customer.name.lowercased()
        }
    }

    /// The name a customer signs an email with.
    static func signature(_ customer: DemoCustomer, random: inout DemoRandom) -> String {
        switch random.below(3) {
        case 0: random.pick(customer.firstName.nicknames) ?? customer.firstName.name
        case 1: customer.firstName.name
        default: customer.customer.name
        }
    }

    /// The same email (most often), none, or another address the customer also uses.
    static func email(_ customer: DemoCustomer, random: inout DemoRandom) -> String? {
        switch random.weighted([55, 25, 20]) {
        case 0: return customer.customer.email
        case 1: return nil
        default:
            let local = TextFold.ascii(random.pick(customer.firstName.nicknames) ?? customer.firstName.name)
                .lowercased()
            return "\(local)\(TextFold.ascii(customer.lastName).lowercased())\(random.int(10...99))@personal.example"
        }
    }

    /// The word with two neighbouring letters swapped or one letter dropped.
    static func typo(_ word: String, random: inout DemoRandom) -> String {
        var letters = Array(word)
        guard letters.count > 3 else { return word }
        let index = random.int(1...(letters.count - 2))
        if random.chance(0.5) {
            letters.swapAt(index, index + 1)
        } else {
            letters.remove(at: index)
        }
        return String(letters)
    }
}
