import TriageCore

/// Money spelled the ways suppliers and customers write it.
enum MoneyText {
    /// `4499.50`.
    static func plain(_ money: Money) -> String { money.description }

    /// `4,499.50`.
    static func grouped(_ money: Money) -> String {
        format(money, thousands: ",", decimal: ".")
    }

    /// `4.499,50` (European).
    static func european(_ money: Money) -> String {
        format(money, thousands: ".", decimal: ",")
    }

    /// The symbol written before an amount: `$`, `CA$`, `£`, `€`.
    static func symbol(_ currency: String) -> String {
        switch currency {
        case "USD": "$"
        case "CAD": "CA$"
        case "GBP": "£"
        case "EUR": "€"
        default: currency + " "
        }
    }

    /// An amount multiplied by a rate in basis points, rounded half up to the cent.
    static func apply(basisPoints: Int, to money: Money) -> Money {
        Money(cents: (money.cents * Int64(basisPoints) + 5_000) / 10_000)
    }

    private static func format(_ money: Money, thousands: String, decimal: String) -> String {
        let sign = money.cents < 0 ? "-" : ""
        let magnitude = money.cents.magnitude
        var whole = String(magnitude / 100)
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole = String(whole.dropLast(3))
        }
        groups.insert(whole, at: 0)
        let fraction = magnitude % 100
        return sign + groups.joined(separator: thousands) + decimal + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
