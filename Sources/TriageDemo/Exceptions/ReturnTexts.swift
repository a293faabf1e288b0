import Foundation

/// The free-text return requests customers email in.
enum ReturnTexts {
    /// Why a customer sends something back, by category.
    static func reason(category: String, random: inout DemoRandom) -> String {
        let specific: [String]
        switch category {
        case "apparel", "footwear": specific = ["it doesn't fit", "it's too small", "the size runs large"]
        case "appliances": specific = ["it leaks", "it's much louder than I expected", "it's too big for my counter"]
        case "electronics":
            specific = ["the battery barely lasts", "it keeps disconnecting", "it won't pair with my phone"]
        default: specific = ["it's not what I expected", "my kid already has one"]
        }
        let general = ["I changed my mind", "it arrived damaged", "the colour is different from the photos"]
        return random.pick(specific + general) ?? "I changed my mind"
    }

    /// When the customer thinks they bought it, e.g. "last week" or "in early October".
    static func when(_ purchase: Date, at now: Date) -> String {
        let days = DemoCalendar.daysBetween(purchase, now)
        switch days {
        case ..<8: return "a few days ago"
        case ..<16: return "last week"
        case ..<24: return "a couple of weeks ago"
        case ..<45: return "last month"
        default:
            let day = DemoCalendar.civil(purchase).day
            let part = day <= 10 ? "early" : day <= 20 ? "mid" : "late"
            return "in \(part) \(DemoCalendar.monthName(purchase))"
        }
    }

    /// "an" before a vowel, else "a".
    static func article(_ word: String) -> String {
        "aeiou".contains(word.first.map { Character($0.lowercased()) } ?? "x") ? "an" : "a"
    }

    /// A return email in one of several voices.
    static func text(
        item: String, when: String, reason: String, city: String?, signature: String, fullName: String,
        random: inout DemoRandom
    ) -> String {
        let place = city.map { " I live in \($0)." } ?? ""
        switch random.below(5) {
        case 0:
            return "Hi, I want to return the \(item) I bought \(when), \(reason).\(place) - \(signature)"
        case 1:
            return "Hello,\n\nI'd like to send back the \(item) I ordered \(when). Reason: \(reason).\n"
                + "Can you tell me how to get a refund?\n\nThanks,\n\(signature)"
        case 2:
            return "return request - \(item). bought \(when). \(reason). refund to my card pls. \(signature)"
        case 3:
            return
                "Good afternoon, I purchased \(article(item)) \(item) \(when) and unfortunately \(reason). "
                + "I would like to return it for a full refund.\(place) Kind regards, \(fullName)"
        default:
            return "Hey there! So the \(item) from \(when) isn't working out for me ( \(reason) ). "
                + "I don't have the order number, sorry, the email got deleted. What do I do? \(signature)"
        }
    }
}
