import TriageCore

/// `reconcile_inventory`: sets the storefront and ERP counts to the WMS count when they drift only a little.
///
/// The WMS counts what is on the shelf, so it wins. The allowed drift is `tolerance` units (default 5) or,
/// when `tolerance_percent` is given, that share of the WMS count if larger. Beyond it a person decides.
public struct InventoryReconcileAction: BinaryAction {
    /// The allowed drift in units when the rule gives no `tolerance`.
    public static let defaultTolerance = 5

    /// Creates the action.
    public init() {}

    /// `reconcile_inventory`.
    public var name: RuleAction { .reconcileInventory }

    /// Reads the stored counts for the SKU and plans `reconcile_inventory` when the drift is within tolerance.
    public func plan(for record: ExceptionRecord, params: [String: JSONValue], lookup: any ReferenceLookup) throws
        -> ActionOutcome
    {
        guard let sku = record.text("sku") else { return .needsJudgment(reason: "the exception has no sku") }
        let counts = try lookup.inventory(sku: sku)
        func count(_ system: String) -> Int? { counts.first { $0.system == system }?.quantity }
        guard let wms = count("wms") else { return .needsJudgment(reason: "no WMS count is stored for SKU \(sku)") }
        guard let storefront = count("storefront"), let erp = count("erp") else {
            return .needsJudgment(reason: "the storefront or ERP count for SKU \(sku) is not stored")
        }
        let allowed = Self.tolerance(params, wms: wms)
        let drift = max(abs(storefront - wms), abs(erp - wms))
        guard drift <= allowed else {
            return .needsJudgment(
                reason: "SKU \(sku): storefront \(storefront), ERP \(erp), WMS \(wms); drift \(drift) exceeds "
                    + "the tolerance of \(allowed)")
        }
        let targets = [("storefront", storefront), ("erp", erp)].filter { $0.1 != wms }.map(\.0)
        return .execute(plan(record, sku: sku, wms: wms, counts: (storefront, erp), targets: targets))
    }

    /// The allowed drift in units: `tolerance`, or `tolerance_percent` of the WMS count when that is larger.
    static func tolerance(_ params: [String: JSONValue], wms: Int) -> Int {
        let units = params["tolerance"]?.number.flatMap { Int(bounded: $0) } ?? defaultTolerance
        guard let percent = params["tolerance_percent"]?.number else { return units }
        return max(units, Int(bounded: (Double(wms.magnitude) * percent / 100).rounded(.down)) ?? units)
    }

    private func plan(_ record: ExceptionRecord, sku: String, wms: Int, counts: (Int, Int), targets: [String])
        -> ActionPlan
    {
        let summary =
            targets.isEmpty
            ? "SKU \(sku): counts already agree at \(wms); nothing to change"
            : "Set SKU \(sku) to the WMS count \(wms) in \(targets.joined(separator: " and ")) "
                + "(storefront \(counts.0), ERP \(counts.1))"
        let body: JSONValue = ["sku": .string(sku), "quantity": .number(Double(wms)), "source": "wms"]
        return ActionPlan(
            action: "reconcile_inventory", summary: summary,
            parameters: [
                "sku": .string(sku), "wms_qty": .number(Double(wms)),
                "storefront_qty": .number(Double(counts.0)), "erp_qty": .number(Double(counts.1)),
            ],
            changes: targets.map { .inventoryCount(sku: sku, system: $0, quantity: wms) },
            messages: targets.map {
                record.message("inventory.set", to: $0, action: "reconcile_inventory", payload: body)
            })
    }
}
