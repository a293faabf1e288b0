/// A base product; each of its variants (a colour or a size) becomes one SKU.
struct ProductTemplate: Sendable {
    /// Three-letter SKU prefix.
    let code: String
    /// The catalog name, e.g. "Gooseneck electric kettle".
    let name: String
    /// What a customer calls it in an email, e.g. "kettle".
    let noun: String
    let category: String
    /// Retail price of the first variant, in cents.
    let priceCents: Int64
    let warrantyMonths: Int
    let returnWindowDays: Int
    let variants: [String]
}

/// The shop's range: ten base products in each of six categories, two variants each.
enum ProductTemplates {
    static let all: [ProductTemplate] = electronics + appliances + apparel + footwear + home + toys

    static let electronics: [ProductTemplate] = [
        .init(
            code: "HPH", name: "Wireless noise-cancelling headphones", noun: "headphones", category: "electronics",
            priceCents: 199_00, warrantyMonths: 24, returnWindowDays: 30, variants: ["black", "silver"]),
        .init(
            code: "EBD", name: "True wireless earbuds", noun: "earbuds", category: "electronics",
            priceCents: 129_00, warrantyMonths: 12, returnWindowDays: 30, variants: ["white", "navy"]),
        .init(
            code: "SPK", name: "Portable Bluetooth speaker", noun: "speaker", category: "electronics",
            priceCents: 79_99, warrantyMonths: 12, returnWindowDays: 30, variants: ["blue", "red"]),
        .init(
            code: "CHG", name: "USB-C fast charger 65W", noun: "charger", category: "electronics",
            priceCents: 39_99, warrantyMonths: 12, returnWindowDays: 30, variants: ["white", "black"]),
        .init(
            code: "PWB", name: "Power bank 20,000 mAh", noun: "power bank", category: "electronics",
            priceCents: 49_99, warrantyMonths: 12, returnWindowDays: 30, variants: ["grey", "black"]),
        .init(
            code: "KBD", name: "Mechanical keyboard", noun: "keyboard", category: "electronics",
            priceCents: 109_00, warrantyMonths: 24, returnWindowDays: 30, variants: ["US layout", "UK layout"]),
        .init(
            code: "WCM", name: "1080p webcam with privacy shutter", noun: "webcam", category: "electronics",
            priceCents: 59_99, warrantyMonths: 12, returnWindowDays: 14, variants: ["black", "white"]),
        .init(
            code: "SWT", name: "Fitness smartwatch", noun: "smartwatch", category: "electronics",
            priceCents: 249_00, warrantyMonths: 24, returnWindowDays: 30, variants: ["graphite", "rose gold"]),
        .init(
            code: "ERD", name: "E-reader 6-inch", noun: "e-reader", category: "electronics",
            priceCents: 139_99, warrantyMonths: 12, returnWindowDays: 30, variants: ["black", "sage green"]),
        .init(
            code: "SBR", name: "Compact soundbar", noun: "soundbar", category: "electronics",
            priceCents: 229_00, warrantyMonths: 24, returnWindowDays: 30, variants: ["black", "white"]),
    ]

    static let appliances: [ProductTemplate] = [
        .init(
            code: "KET", name: "Gooseneck electric kettle", noun: "kettle", category: "appliances",
            priceCents: 89_99, warrantyMonths: 12, returnWindowDays: 30, variants: ["matte black", "blue"]),
        .init(
            code: "TST", name: "4-slice toaster", noun: "toaster", category: "appliances",
            priceCents: 69_99, warrantyMonths: 12, returnWindowDays: 30, variants: ["stainless steel", "cream"]),
        .init(
            code: "BLN", name: "High-speed blender 1.5 L", noun: "blender", category: "appliances",
            priceCents: 149_00, warrantyMonths: 24, returnWindowDays: 30, variants: ["black", "red"]),
        .init(
            code: "ESP", name: "Espresso machine with milk frother", noun: "espresso machine",
            category: "appliances", priceCents: 399_00, warrantyMonths: 24, returnWindowDays: 30,
            variants: ["brushed steel", "black"]),
        .init(
            code: "AFR", name: "Air fryer 5.5 L", noun: "air fryer", category: "appliances",
            priceCents: 119_99, warrantyMonths: 12, returnWindowDays: 30, variants: ["black", "white"]),
        .init(
            code: "MIX", name: "Stand mixer 5 qt", noun: "stand mixer", category: "appliances",
            priceCents: 329_00, warrantyMonths: 36, returnWindowDays: 30, variants: ["red", "sage green"]),
        .init(
            code: "GRN", name: "Burr coffee grinder", noun: "grinder", category: "appliances",
            priceCents: 129_00, warrantyMonths: 24, returnWindowDays: 30, variants: ["black", "silver"]),
        .init(
            code: "VAC", name: "Cordless stick vacuum", noun: "vacuum", category: "appliances",
            priceCents: 299_00, warrantyMonths: 24, returnWindowDays: 30, variants: ["grey", "purple"]),
        .init(
            code: "HUM", name: "Ultrasonic humidifier", noun: "humidifier", category: "appliances",
            priceCents: 54_99, warrantyMonths: 12, returnWindowDays: 30, variants: ["white", "grey"]),
        .init(
            code: "HDR", name: "Ionic hair dryer", noun: "hair dryer", category: "appliances",
            priceCents: 89_00, warrantyMonths: 24, returnWindowDays: 30, variants: ["black", "pink"]),
    ]

    static let apparel: [ProductTemplate] = [
        .init(
            code: "TEE", name: "Organic cotton crew T-shirt", noun: "T-shirt", category: "apparel",
            priceCents: 24_00, warrantyMonths: 0, returnWindowDays: 60, variants: ["size M, white", "size L, navy"]),
        .init(
            code: "HOD", name: "Heavyweight pullover hoodie", noun: "hoodie", category: "apparel",
            priceCents: 65_00, warrantyMonths: 0, returnWindowDays: 60, variants: ["size M, grey", "size XL, black"]),
        .init(
            code: "JNS", name: "Slim straight jeans", noun: "jeans", category: "apparel",
            priceCents: 79_00, warrantyMonths: 0, returnWindowDays: 60, variants: ["32x32, indigo", "34x32, black"]),
        .init(
            code: "RJK", name: "Waterproof rain jacket", noun: "rain jacket", category: "apparel",
            priceCents: 149_00, warrantyMonths: 12, returnWindowDays: 60,
            variants: ["size M, olive", "size L, yellow"]),
        .init(
            code: "SWR", name: "Merino wool sweater", noun: "sweater", category: "apparel",
            priceCents: 98_00, warrantyMonths: 0, returnWindowDays: 60, variants: ["size S, oatmeal", "size M, green"]),
        .init(
            code: "SCK", name: "Hiking socks, 3 pack", noun: "socks", category: "apparel",
            priceCents: 21_00, warrantyMonths: 0, returnWindowDays: 30, variants: ["size M", "size L"]),
        .init(
            code: "LEG", name: "High-rise training leggings", noun: "leggings", category: "apparel",
            priceCents: 58_00, warrantyMonths: 0, returnWindowDays: 60, variants: ["size S, black", "size M, plum"]),
        .init(
            code: "PUF", name: "Packable down jacket", noun: "down jacket", category: "apparel",
            priceCents: 189_00, warrantyMonths: 12, returnWindowDays: 60, variants: ["size M, black", "size L, red"]),
        .init(
            code: "CAP", name: "Six-panel baseball cap", noun: "cap", category: "apparel",
            priceCents: 22_00, warrantyMonths: 0, returnWindowDays: 30, variants: ["navy", "khaki"]),
        .init(
            code: "SHT", name: "Oxford button-down shirt", noun: "shirt", category: "apparel",
            priceCents: 55_00, warrantyMonths: 0, returnWindowDays: 60,
            variants: ["size M, light blue", "size L, white"]),
    ]
}
