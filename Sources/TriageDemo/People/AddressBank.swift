/// Cities with the postcode prefixes that really belong to them, and street names.
enum AddressBank {
    /// A city and the postcode prefixes (US ZIP3, Canadian FSA, UK outward code) used there.
    struct City: Sendable {
        let name: String
        let region: String
        let prefixes: [String]
    }

    static let usCities: [City] = [
        .init(name: "Austin", region: "TX", prefixes: ["787"]), .init(name: "Denver", region: "CO", prefixes: ["802"]),
        .init(name: "Seattle", region: "WA", prefixes: ["981"]),
        .init(name: "Chicago", region: "IL", prefixes: ["606"]),
        .init(name: "Boston", region: "MA", prefixes: ["021"]),
        .init(name: "Portland", region: "OR", prefixes: ["972"]),
        .init(name: "Atlanta", region: "GA", prefixes: ["303"]),
        .init(name: "Phoenix", region: "AZ", prefixes: ["850"]),
        .init(name: "Columbus", region: "OH", prefixes: ["432"]),
        .init(name: "Minneapolis", region: "MN", prefixes: ["554"]),
        .init(name: "San Diego", region: "CA", prefixes: ["921"]),
        .init(name: "Nashville", region: "TN", prefixes: ["372"]),
        .init(name: "Raleigh", region: "NC", prefixes: ["276"]),
        .init(name: "Salt Lake City", region: "UT", prefixes: ["841"]),
        .init(name: "Philadelphia", region: "PA", prefixes: ["191"]),
        .init(name: "Brooklyn", region: "NY", prefixes: ["112"]),
        .init(name: "Miami", region: "FL", prefixes: ["331"]), .init(name: "Madison", region: "WI", prefixes: ["537"]),
    ]

    static let caCities: [City] = [
        .init(name: "Toronto", region: "ON", prefixes: ["M5V", "M4C", "M6G", "M5H"]),
        .init(name: "Ottawa", region: "ON", prefixes: ["K1P", "K2P", "K1S"]),
        .init(name: "Vancouver", region: "BC", prefixes: ["V6B", "V5K", "V6K"]),
        .init(name: "Montréal", region: "QC", prefixes: ["H2X", "H3B", "H2T"]),
        .init(name: "Calgary", region: "AB", prefixes: ["T2P", "T3A"]),
        .init(name: "Edmonton", region: "AB", prefixes: ["T5J", "T6E"]),
        .init(name: "Winnipeg", region: "MB", prefixes: ["R3C", "R2M"]),
        .init(name: "Halifax", region: "NS", prefixes: ["B3H", "B3K"]),
    ]

    static let gbCities: [City] = [
        .init(name: "London", region: "", prefixes: ["SW1A", "EC1A", "N1", "E2", "SE1", "W1D", "NW3"]),
        .init(name: "Manchester", region: "", prefixes: ["M1", "M4", "M20"]),
        .init(name: "Leeds", region: "", prefixes: ["LS1", "LS6"]),
        .init(name: "Bristol", region: "", prefixes: ["BS1", "BS8"]),
        .init(name: "Edinburgh", region: "", prefixes: ["EH1", "EH3"]),
        .init(name: "Glasgow", region: "", prefixes: ["G2", "G12"]),
        .init(name: "Birmingham", region: "", prefixes: ["B1", "B15"]),
        .init(name: "Cardiff", region: "", prefixes: ["CF10", "CF24"]),
        .init(name: "Liverpool", region: "", prefixes: ["L1", "L17"]),
    ]

    static let streets: [String] = [
        "Oak", "Maple", "Cedar", "Pine", "Elm", "Birch", "Willow", "Harbour", "Lake", "Hill", "Park", "Church",
        "Mill", "Station", "Victoria", "King", "Queen", "Bridge", "Meadow", "Orchard", "Spring", "River",
        "Highland", "Sunset", "Chestnut", "Walnut", "Forest", "Garden", "Albert", "Market",
    ]

    static let northAmericanSuffixes = ["St", "Ave", "Rd", "Blvd", "Dr", "Ln", "Ct", "Way"]
    static let britishSuffixes = ["Road", "Street", "Lane", "Close", "Avenue", "Gardens", "Terrace", "Crescent"]
}
