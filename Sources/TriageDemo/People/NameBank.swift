/// First names (with the nicknames people sign emails with) and family names.
enum NameBank {
    /// A first name and its common short forms; an empty list when people rarely shorten it.
    struct FirstName: Sendable {
        let name: String
        let nicknames: [String]
    }

    static let firstNames: [FirstName] = [
        .init(name: "William", nicknames: ["Bill", "Will", "Billy"]), .init(name: "Robert", nicknames: ["Bob", "Rob"]),
        .init(name: "Elizabeth", nicknames: ["Liz", "Beth", "Lizzie"]),
        .init(name: "Katherine", nicknames: ["Kate", "Kathy"]),
        .init(name: "Michael", nicknames: ["Mike", "Mick"]), .init(name: "James", nicknames: ["Jim", "Jimmy"]),
        .init(name: "Margaret", nicknames: ["Maggie", "Peggy"]), .init(name: "Richard", nicknames: ["Rick", "Rich"]),
        .init(name: "Jennifer", nicknames: ["Jen", "Jenny"]), .init(name: "Christopher", nicknames: ["Chris"]),
        .init(name: "Daniel", nicknames: ["Dan", "Danny"]), .init(name: "Anthony", nicknames: ["Tony"]),
        .init(name: "Joseph", nicknames: ["Joe"]), .init(name: "Thomas", nicknames: ["Tom", "Tommy"]),
        .init(name: "Patricia", nicknames: ["Pat", "Trish"]), .init(name: "Susan", nicknames: ["Sue"]),
        .init(name: "Rebecca", nicknames: ["Becky", "Becca"]), .init(name: "Alexander", nicknames: ["Alex"]),
        .init(name: "Nicholas", nicknames: ["Nick"]), .init(name: "Matthew", nicknames: ["Matt"]),
        .init(name: "Andrew", nicknames: ["Andy", "Drew"]), .init(name: "Jonathan", nicknames: ["Jon"]),
        .init(name: "Samantha", nicknames: ["Sam"]), .init(name: "Victoria", nicknames: ["Vicky", "Tori"]),
        .init(name: "Catherine", nicknames: ["Cathy", "Cat"]), .init(name: "Deborah", nicknames: ["Deb", "Debbie"]),
        .init(name: "Edward", nicknames: ["Ed", "Ted", "Eddie"]), .init(name: "Benjamin", nicknames: ["Ben"]),
        .init(name: "Stephanie", nicknames: ["Steph"]), .init(name: "Timothy", nicknames: ["Tim"]),
        .init(name: "Zachary", nicknames: ["Zach"]), .init(name: "Gabriel", nicknames: ["Gabe"]),
        .init(name: "Abigail", nicknames: ["Abby"]), .init(name: "Maria", nicknames: []),
        .init(name: "Olivia", nicknames: ["Liv"]), .init(name: "Sophia", nicknames: ["Sophie"]),
        .init(name: "Priya", nicknames: []), .init(name: "Wei", nicknames: []), .init(name: "Aiko", nicknames: []),
        .init(name: "Mohammed", nicknames: ["Mo"]), .init(name: "Fatima", nicknames: []),
        .init(name: "Luis", nicknames: []), .init(name: "Chloé", nicknames: []), .init(name: "Siobhan", nicknames: []),
        .init(name: "Oluwaseun", nicknames: ["Seun"]), .init(name: "Hannah", nicknames: []),
        .init(name: "Isabella", nicknames: ["Bella", "Izzy"]), .init(name: "Emily", nicknames: ["Em"]),
        .init(name: "Grace", nicknames: []), .init(name: "Noah", nicknames: []), .init(name: "Ethan", nicknames: []),
        .init(name: "Lucas", nicknames: ["Luke"]), .init(name: "Amelia", nicknames: ["Millie"]),
        .init(name: "Jacqueline", nicknames: ["Jackie"]), .init(name: "Frederick", nicknames: ["Fred", "Freddie"]),
        .init(name: "Theodore", nicknames: ["Theo", "Ted"]), .init(name: "Eleanor", nicknames: ["Ellie", "Nell"]),
        .init(name: "Harriet", nicknames: ["Hattie"]), .init(name: "Arjun", nicknames: []),
        .init(name: "Mei", nicknames: []),
    ]

    static let lastNames: [String] = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
        "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "O'Neill",
        "MacDonald", "Patel", "Singh", "Chen", "Wang", "Kim", "Tanaka", "Okafor", "Murphy", "Kelly", "Byrne",
        "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Evans", "Hughes", "Edwards", "Price", "Davies",
        "Fitzgerald", "Schmidt", "Fischer", "Rossi", "Kowalski", "Johansson", "Haddad", "Ahmed", "Nakamura",
    ]

    /// Family names no customer has: the people behind returns that match no order.
    static let strangerLastNames: [String] = [
        "Novak", "Lindqvist", "Okonkwo", "Vasquez-Ortega", "Petrov", "Abernathy", "Quintero", "Halvorsen",
        "Drummond", "Yilmaz", "Szabo", "Ferreira",
    ]
}
