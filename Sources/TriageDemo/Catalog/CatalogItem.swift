import TriageCore

/// A product together with what the generator needs to write about it.
struct CatalogItem: Sendable {
    /// The product as the fixtures store it.
    let product: Product
    /// What a customer calls it, e.g. "kettle".
    let noun: String
    /// The variant, e.g. "blue" or "size M, navy".
    let variant: String
    /// The retail price.
    let price: Money
    /// The base product's position in `ProductTemplates.all`; variants of one base share it.
    let family: Int

    /// A colloquial name: "blue kettle" when the variant is a plain colour, else the noun.
    var casualName: String {
        let colour = variant.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let plain = !colour.isEmpty && !colour.contains(" ") && colour.first?.isLowercase == true
        return plain ? "\(colour) \(noun)" : noun
    }

    /// Builds the first `count` items, one variant of every base product before the second variant of any,
    /// so a small catalog still covers every category.
    static func catalog(count: Int) -> [CatalogItem] {
        var items: [CatalogItem] = []
        let templates = ProductTemplates.all
        for variantIndex in 0..<2 {
            for (family, template) in templates.enumerated() where items.count < count {
                items.append(item(template, family: family, variantIndex: variantIndex))
            }
        }
        return items
    }

    private static func item(_ template: ProductTemplate, family: Int, variantIndex: Int) -> CatalogItem {
        let variant = template.variants[variantIndex % template.variants.count]
        let sku = "\(template.code)-\(200 + variantIndex * 10 + family % 10)"
        let product = Product(
            sku: sku, description: "\(template.name), \(variant)", category: template.category,
            warrantyMonths: template.warrantyMonths, returnWindowDays: template.returnWindowDays)
        let price = Money(cents: template.priceCents + Int64(variantIndex) * (template.priceCents / 20 / 100 * 100))
        return CatalogItem(
            product: product, noun: template.noun, variant: variant, price: price, family: family)
    }
}
