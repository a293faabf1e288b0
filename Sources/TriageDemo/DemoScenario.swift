import TriageCore

/// One kind of generated exception, finer than `ExceptionKind` (returns come with or without an order number).
public enum DemoScenario: String, Sendable, Hashable, CaseIterable, Codable {
    /// Gateway and storefront disagree on a payment's status.
    case paymentDrift = "payment_drift"
    /// An order held for a badly formatted or incomplete address.
    case addressHold = "address_hold"
    /// Storefront, ERP and WMS counts differ for a SKU.
    case inventoryDrift = "inventory_drift"
    /// A return request that names its order.
    case returnWithOrder = "return_with_order"
    /// A return request without an order number.
    case returnWithoutOrder = "return_without_order"
    /// A supplier invoice received as text.
    case supplierInvoice = "supplier_invoice"
    /// A warranty claim received by email.
    case warrantyClaim = "warranty_claim"
    /// A connector failure, raised in bursts.
    case integrationFailure = "integration_failure"

    /// The exception kind this scenario produces.
    public var kind: ExceptionKind {
        switch self {
        case .paymentDrift: .paymentDrift
        case .addressHold: .addressHold
        case .inventoryDrift: .inventoryDrift
        case .returnWithOrder, .returnWithoutOrder: .returnRequest
        case .supplierInvoice: .supplierInvoice
        case .warrantyClaim: .warrantyClaim
        case .integrationFailure: .integrationFailure
        }
    }
}

/// How often a scenario occurs and how long a person takes to handle one by hand.
public struct ScenarioProfile: Sendable, Hashable {
    /// The scenario.
    public var scenario: DemoScenario
    /// Its share of all exceptions (shares are normalised, so they need not sum to 1).
    public var share: Double
    /// Minutes a person spends on one, drawn uniformly in steps of half a minute.
    public var handlingMinutes: ClosedRange<Double>

    /// Creates a profile.
    public init(scenario: DemoScenario, share: Double, handlingMinutes: ClosedRange<Double>) {
        self.scenario = scenario
        self.share = share
        self.handlingMinutes = handlingMinutes
    }

    /// The default retail mix.
    public static let defaults: [ScenarioProfile] = [
        ScenarioProfile(scenario: .paymentDrift, share: 0.35, handlingMinutes: 3...6),
        ScenarioProfile(scenario: .addressHold, share: 0.18, handlingMinutes: 4...8),
        ScenarioProfile(scenario: .inventoryDrift, share: 0.15, handlingMinutes: 6...12),
        ScenarioProfile(scenario: .returnWithOrder, share: 0.10, handlingMinutes: 5...10),
        ScenarioProfile(scenario: .returnWithoutOrder, share: 0.06, handlingMinutes: 12...20),
        ScenarioProfile(scenario: .supplierInvoice, share: 0.07, handlingMinutes: 10...18),
        ScenarioProfile(scenario: .warrantyClaim, share: 0.07, handlingMinutes: 8...15),
        ScenarioProfile(scenario: .integrationFailure, share: 0.02, handlingMinutes: 20...45),
    ]
}
