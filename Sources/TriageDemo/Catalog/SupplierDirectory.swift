import TriageCore

/// A supplier with what its invoices look like.
struct SupplierProfile: Sendable {
    /// The supplier as the fixtures store it.
    let supplier: Supplier
    /// The currency it invoices in.
    let currency: String
    /// The catalog categories it supplies.
    let categories: [String]
    /// Sales tax or VAT on its invoices, in basis points.
    let taxBasisPoints: Int
    /// Its billing mail domain.
    let domain: String
    /// Its invoice-number prefix, e.g. "NW".
    let invoicePrefix: String
    /// Its street address, printed in invoice headers.
    let address: String
    /// The invoice layouts it sends, most common first.
    let layouts: [InvoiceLayout]
}

/// The fifteen suppliers the shop buys from.
enum SupplierDirectory {
    static let all: [SupplierProfile] = [
        profile(
            "sup-01", "Northwind Appliances Ltd", ["Northwind", "NW Appliances"], "USD", ["appliances"], 0,
            "northwind-appliances.example", "NW", "1200 Industrial Pkwy, Columbus, OH 43215", [.invoiceNo, .table]),
        profile(
            "sup-02", "Contoso Electronics Inc.", ["Contoso", "Contoso Elec."], "USD", ["electronics"], 0,
            "contoso-electronics.example", "CE", "500 Harbor Blvd, San Jose, CA 95112", [.table, .email]),
        profile(
            "sup-03", "Rheinhaus Haushaltswaren GmbH", ["Rheinhaus", "Rheinhaus GmbH"], "EUR",
            ["appliances", "home"], 1_900, "rheinhaus.example", "RH", "Industriestraße 14, 50667 Köln",
            [.european]),
        profile(
            "sup-04", "Lumière Textiles SARL", ["Lumiere Textiles", "Lumière"], "EUR", ["apparel"], 2_000,
            "lumiere-textiles.example", "LT", "18 rue des Tanneurs, 69002 Lyon", [.european, .email]),
        profile(
            "sup-05", "Pennine Footwear Ltd", ["Pennine", "Pennine Shoes"], "GBP", ["footwear"], 2_000,
            "pennine-footwear.example", "PF", "Unit 4, Mill Lane, Halifax HX1 1XX", [.invoiceNo, .table]),
        profile(
            "sup-06", "Maple Leaf Outfitters Inc.", ["Maple Leaf", "MLO"], "CAD", ["apparel", "footwear"], 500,
            "mapleleaf-outfitters.example", "ML", "220 King St W, Toronto, ON M5H 1K4", [.table, .terse]),
        profile(
            "sup-07", "Kite & Kestrel Toys Ltd", ["Kite and Kestrel", "K&K Toys"], "GBP", ["toys"], 2_000,
            "kitekestrel.example", "KK", "9 Quay Street, Bristol BS1 4DJ", [.invoiceNo, .email]),
        profile(
            "sup-08", "Shenzhen Brightway Electronics Co., Ltd.", ["Brightway", "SZ Brightway"], "USD",
            ["electronics"], 0, "brightway-sz.example", "BW", "Bao'an District, Shenzhen 518101",
            [.table, .terse]),
        profile(
            "sup-09", "Tidewater Housewares Co.", ["Tidewater", "Tidewater Home"], "USD", ["home"], 0,
            "tidewater-housewares.example", "TW", "77 Dockside Rd, Norfolk, VA 23510", [.email, .invoiceNo]),
        profile(
            "sup-10", "Nordic Trail Gear AB", ["Nordic Trail", "NTG"], "EUR", ["footwear", "apparel"], 2_000,
            "nordictrail.example", "NT", "Sveavägen 44, 111 34 Stockholm", [.european, .terse]),
        profile(
            "sup-11", "Great Lakes Toy Company", ["Great Lakes Toys", "GLTC"], "USD", ["toys"], 0,
            "greatlakestoys.example", "GL", "3100 Lakeshore Dr, Chicago, IL 60616", [.table, .email]),
        profile(
            "sup-12", "Alpine Sound GmbH", ["Alpine Sound", "AlpineSound"], "EUR", ["electronics"], 1_900,
            "alpinesound.example", "AS", "Bergstraße 3, 80331 München", [.european, .table]),
        profile(
            "sup-13", "Harbour Home Ltd", ["Harbour Home", "HH Ltd"], "GBP", ["home"], 2_000,
            "harbourhome.example", "HH", "2 Wharf Road, Leeds LS1 4BR", [.invoiceNo, .terse]),
        profile(
            "sup-14", "Pacific Crest Apparel Co.", ["Pacific Crest", "PCA"], "USD", ["apparel"], 0,
            "pacificcrest.example", "PC", "880 Market St, Portland, OR 97205", [.terse, .table]),
        profile(
            "sup-15", "Evergreen Kitchen Supply LLC", ["Evergreen Kitchen", "Evergreen"], "USD",
            ["home", "appliances"], 0, "evergreenkitchen.example", "EK", "41 Pine St, Seattle, WA 98101",
            [.email, .invoiceNo]),
    ]

    private static func profile(
        _ id: String, _ name: String, _ aliases: [String], _ currency: String, _ categories: [String],
        _ tax: Int, _ domain: String, _ prefix: String, _ address: String, _ layouts: [InvoiceLayout]
    ) -> SupplierProfile {
        SupplierProfile(
            supplier: Supplier(supplierID: id, name: name, aliases: aliases), currency: currency,
            categories: categories, taxBasisPoints: tax, domain: domain, invoicePrefix: prefix, address: address,
            layouts: layouts)
    }
}
