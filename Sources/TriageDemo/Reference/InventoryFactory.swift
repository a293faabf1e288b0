import TriageCore

/// Stock counts per SKU in storefront, ERP and WMS; about 60 % of SKUs currently drift.
struct InventoryBook: Sendable {
    var counts: [InventoryCount]
    /// Drifting SKUs whose storefront and ERP counts are within 5 units of the WMS.
    var within: [DriftCounts]
    /// Drifting SKUs with a larger gap.
    var beyond: [DriftCounts]
}

/// Makes the inventory: equal counts for SKUs in sync, drifted counts (as the drift exceptions report them)
/// for the rest.
struct InventoryFactory {
    static let systems = ["storefront", "erp", "wms"]
    var random: DemoRandom

    /// Counts for every catalog item.
    mutating func make(_ catalog: [CatalogItem]) -> InventoryBook {
        var book = InventoryBook(counts: [], within: [], beyond: [])
        for item in catalog {
            let wms = random.int(12...400)
            var drift = DriftCounts(sku: item.product.sku, storefront: wms, erp: wms, wms: wms)
            if random.chance(0.6) {
                if random.chance(0.75) {
                    drift = withinDrift(item.product.sku, wms: wms)
                    book.within.append(drift)
                } else {
                    drift = beyondDrift(item.product.sku, wms: wms)
                    book.beyond.append(drift)
                }
            }
            book.counts += [
                InventoryCount(sku: drift.sku, system: "storefront", quantity: drift.storefront),
                InventoryCount(sku: drift.sku, system: "erp", quantity: drift.erp),
                InventoryCount(sku: drift.sku, system: "wms", quantity: drift.wms),
            ]
        }
        return book
    }

    private mutating func withinDrift(_ sku: String, wms: Int) -> DriftCounts {
        let delta = random.int(1...5) * (random.chance(0.5) ? 1 : -1)
        return DriftCounts(sku: sku, storefront: max(0, wms + delta), erp: max(0, wms + random.int(-5...5)), wms: wms)
    }

    private mutating func beyondDrift(_ sku: String, wms: Int) -> DriftCounts {
        let delta = random.int(8...60) * (random.chance(0.6) ? 1 : -1)
        let storefront = wms + delta < 0 ? wms + random.int(8...60) : wms + delta
        return DriftCounts(sku: sku, storefront: storefront, erp: max(0, wms + random.int(-40...40)), wms: wms)
    }
}
