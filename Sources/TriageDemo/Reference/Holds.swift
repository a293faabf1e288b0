import Foundation
import TriageCore

/// Why a payment drift is not the clean binary case.
enum PaymentAnomaly: Sendable, Hashable {
    /// The stored payment's status disagrees with what the gateway reports.
    case storedPaymentDisagrees
    /// The storefront already released the order.
    case alreadyReleased
}

/// An order held in `pending_payment` while the gateway reports another status.
struct PaymentHold: Sendable {
    /// Index into the dataset's orders.
    var order: Int
    /// What the gateway reports.
    let gatewayStatus: String
    /// When the drift is reported.
    let eventAt: Date
    let anomaly: PaymentAnomaly?
}

/// An order held in `address_hold`.
struct AddressHold: Sendable {
    /// Index into the dataset's orders.
    var order: Int
    /// When the hold is reported.
    let eventAt: Date
    /// `postcode_format` or `address_incomplete`.
    let reason: String
    /// True when normalising the postcode alone resolves the hold.
    let fixable: Bool
}

/// The stock counts a SKU shows in the three systems while they drift.
struct DriftCounts: Sendable {
    let sku: String
    let storefront: Int
    let erp: Int
    let wms: Int

    /// True when storefront and ERP are both within 5 units of the WMS count.
    var withinTolerance: Bool { abs(storefront - wms) <= 5 && abs(erp - wms) <= 5 }
}
