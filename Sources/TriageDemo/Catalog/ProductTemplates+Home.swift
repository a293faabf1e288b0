extension ProductTemplates {
    static let footwear: [ProductTemplate] = [
        .init(
            code: "RUN", name: "Cushioned road running shoes", noun: "running shoes", category: "footwear",
            priceCents: 139_00, warrantyMonths: 6, returnWindowDays: 60, variants: ["US 9, blue", "US 10, black"]),
        .init(
            code: "HKB", name: "Waterproof hiking boots", noun: "hiking boots", category: "footwear",
            priceCents: 179_00, warrantyMonths: 12, returnWindowDays: 60, variants: ["US 8, brown", "US 11, brown"]),
        .init(
            code: "SNK", name: "Canvas low-top sneakers", noun: "sneakers", category: "footwear",
            priceCents: 65_00, warrantyMonths: 3, returnWindowDays: 60, variants: ["US 7, white", "US 10, black"]),
        .init(
            code: "SND", name: "Leather slide sandals", noun: "sandals", category: "footwear",
            priceCents: 49_00, warrantyMonths: 0, returnWindowDays: 30, variants: ["US 8, tan", "US 9, black"]),
        .init(
            code: "SLP", name: "Shearling-lined slippers", noun: "slippers", category: "footwear",
            priceCents: 45_00, warrantyMonths: 0, returnWindowDays: 30, variants: ["US 7, grey", "US 10, brown"]),
        .init(
            code: "CHB", name: "Suede chelsea boots", noun: "chelsea boots", category: "footwear",
            priceCents: 159_00, warrantyMonths: 6, returnWindowDays: 60, variants: ["US 9, sand", "US 11, black"]),
        .init(
            code: "TRL", name: "Trail running shoes", noun: "trail shoes", category: "footwear",
            priceCents: 149_00, warrantyMonths: 6, returnWindowDays: 60, variants: ["US 8, orange", "US 10, green"]),
        .init(
            code: "RNB", name: "Rubber rain boots", noun: "rain boots", category: "footwear",
            priceCents: 59_00, warrantyMonths: 3, returnWindowDays: 30, variants: ["US 7, yellow", "US 9, navy"]),
        .init(
            code: "LOF", name: "Leather penny loafers", noun: "loafers", category: "footwear",
            priceCents: 129_00, warrantyMonths: 6, returnWindowDays: 60, variants: ["US 9, burgundy", "US 10, black"]),
        .init(
            code: "KDS", name: "Kids' light-up sneakers", noun: "kids' sneakers", category: "footwear",
            priceCents: 45_00, warrantyMonths: 3, returnWindowDays: 30, variants: ["kids 12, pink", "kids 13, blue"]),
    ]

    static let home: [ProductTemplate] = [
        .init(
            code: "SKL", name: "Cast iron skillet 10-inch", noun: "skillet", category: "home",
            priceCents: 44_99, warrantyMonths: 36, returnWindowDays: 30, variants: ["pre-seasoned", "enamelled red"]),
        .init(
            code: "CKW", name: "Stainless cookware set, 10 piece", noun: "cookware set", category: "home",
            priceCents: 249_00, warrantyMonths: 36, returnWindowDays: 30, variants: ["tri-ply", "non-stick"]),
        .init(
            code: "KNF", name: "Chef's knife block set", noun: "knife set", category: "home",
            priceCents: 179_00, warrantyMonths: 24, returnWindowDays: 30, variants: ["walnut block", "black block"]),
        .init(
            code: "DUV", name: "Down-alternative duvet", noun: "duvet", category: "home",
            priceCents: 119_00, warrantyMonths: 0, returnWindowDays: 60, variants: ["queen", "king"]),
        .init(
            code: "TWL", name: "Cotton bath towel set, 6 piece", noun: "towels", category: "home",
            priceCents: 59_00, warrantyMonths: 0, returnWindowDays: 60, variants: ["white", "sea blue"]),
        .init(
            code: "LMP", name: "LED desk lamp with dimmer", noun: "desk lamp", category: "home",
            priceCents: 69_00, warrantyMonths: 12, returnWindowDays: 30, variants: ["black", "white"]),
        .init(
            code: "MUG", name: "Double-wall glass mugs, set of 2", noun: "glass mugs", category: "home",
            priceCents: 29_99, warrantyMonths: 6, returnWindowDays: 30, variants: ["350 ml", "450 ml"]),
        .init(
            code: "PLW", name: "Memory foam pillow", noun: "pillow", category: "home",
            priceCents: 49_00, warrantyMonths: 12, returnWindowDays: 60, variants: ["standard", "king"]),
        .init(
            code: "DIF", name: "Aroma diffuser", noun: "diffuser", category: "home",
            priceCents: 39_00, warrantyMonths: 12, returnWindowDays: 30, variants: ["wood grain", "white"]),
        .init(
            code: "CLK", name: "Minimalist wall clock", noun: "wall clock", category: "home",
            priceCents: 35_00, warrantyMonths: 12, returnWindowDays: 30, variants: ["oak", "black"]),
    ]

    static let toys: [ProductTemplate] = [
        .init(
            code: "BLK", name: "Building blocks starter set, 500 pieces", noun: "building blocks", category: "toys",
            priceCents: 49_99, warrantyMonths: 0, returnWindowDays: 30, variants: ["classic", "space"]),
        .init(
            code: "RCC", name: "Remote control stunt car", noun: "RC car", category: "toys",
            priceCents: 59_99, warrantyMonths: 6, returnWindowDays: 30, variants: ["red", "green"]),
        .init(
            code: "DRN", name: "Mini camera drone", noun: "drone", category: "toys",
            priceCents: 89_99, warrantyMonths: 12, returnWindowDays: 14, variants: ["white", "black"]),
        .init(
            code: "PZL", name: "Jigsaw puzzle, 1000 pieces", noun: "puzzle", category: "toys",
            priceCents: 19_99, warrantyMonths: 0, returnWindowDays: 30, variants: ["mountains", "city lights"]),
        .init(
            code: "PLU", name: "Plush teddy bear 40 cm", noun: "teddy bear", category: "toys",
            priceCents: 29_00, warrantyMonths: 0, returnWindowDays: 30, variants: ["honey", "white"]),
        .init(
            code: "BRD", name: "Family strategy board game", noun: "board game", category: "toys",
            priceCents: 39_99, warrantyMonths: 0, returnWindowDays: 30, variants: ["standard", "deluxe"]),
        .init(
            code: "TRN", name: "Wooden train set", noun: "train set", category: "toys",
            priceCents: 69_00, warrantyMonths: 3, returnWindowDays: 30, variants: ["40 pieces", "80 pieces"]),
        .init(
            code: "SCT", name: "Kids' kick scooter", noun: "scooter", category: "toys",
            priceCents: 79_00, warrantyMonths: 12, returnWindowDays: 30, variants: ["blue", "pink"]),
        .init(
            code: "KIT", name: "Robotics coding kit", noun: "robot kit", category: "toys",
            priceCents: 119_00, warrantyMonths: 12, returnWindowDays: 14, variants: ["starter", "advanced"]),
        .init(
            code: "DOL", name: "Wooden dollhouse", noun: "dollhouse", category: "toys",
            priceCents: 149_00, warrantyMonths: 3, returnWindowDays: 30, variants: ["three storey", "cottage"]),
    ]
}
