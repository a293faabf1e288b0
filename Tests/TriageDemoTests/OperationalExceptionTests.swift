import Foundation
import Testing
import TriageCore
import TriageDemo

@Suite struct OperationalExceptionTests {
    let dataset = Shared.dataset
    var orders: [String: Order] { Dictionary(uniqueKeysWithValues: dataset.orders.map { ($0.orderNumber, $0) }) }

    @Test func paymentDriftsPointAtPendingOrdersWithMatchingPayloads() {
        let orders = orders
        let drifts = Shared.exceptions(.paymentDrift)
        let pending = drifts.filter { orders[$0.orderNumber ?? ""]?.status == "pending_payment" }
        #expect(Double(pending.count) / Double(drifts.count) > 0.95)
        for drift in drifts {
            let order = orders[drift.orderNumber ?? ""]
            #expect(drift.source == "gateway" && drift.reason == "status_mismatch")
            #expect(drift.payload["storefront_status"] == "pending")
            #expect(drift.payload["amount"]?.text == order?.total.description)
            #expect(drift.payload["currency"]?.text == order?.currency)
            #expect(
                ["captured", "authorised", "refused", "cancelled"].contains(drift.payload["gateway_status"]?.text ?? "")
            )
            #expect(drift.payload["payment_id"]?.text?.hasPrefix("pay_") == true)
        }
    }

    @Test func storedPaymentsAgreeWithTheGatewayExceptForAFewJudgmentCases() {
        let payments = Dictionary(uniqueKeysWithValues: dataset.payments.map { ($0.orderNumber, $0) })
        let orders = orders
        let drifts = Shared.exceptions(.paymentDrift)
        let clean = drifts.filter { drift in
            payments[drift.orderNumber ?? ""]?.status == drift.payload["gateway_status"]?.text
                && orders[drift.orderNumber ?? ""]?.status == "pending_payment"
        }
        let share = Double(clean.count) / Double(drifts.count)
        #expect(share > 0.9 && share < 0.99, "\(share)")
        #expect(Set(drifts.compactMap(\.orderNumber)).count == drifts.count)
    }

    @Test func addressHoldsCarryTheOrdersOwnPostcode() {
        let orders = orders
        let holds = Shared.exceptions(.addressHold)
        for hold in holds {
            let order = orders[hold.orderNumber ?? ""]
            #expect(order?.status == "address_hold")
            #expect(hold.payload["postcode"]?.text == order?.customer.address?.postcode)
            #expect(hold.payload["country"]?.text == order?.customer.address?.country)
            #expect(["postcode_format", "address_incomplete"].contains(hold.reason ?? ""))
        }
        let formats = holds.filter { $0.reason == "postcode_format" }
        let unfixable = formats.filter { Shared.labels($0)["fixable"] == false }
        let share = Double(unfixable.count) / Double(formats.count)
        #expect(share > 0.08 && share < 0.25, "\(share)")
        #expect(Double(formats.count) / Double(holds.count) > 0.8)
    }

    @Test func fixableUSPostcodesHoldFiveOrNineDigits() {
        for hold in Shared.exceptions(.addressHold)
        where hold.payload["country"] == "US" && hold.reason == "postcode_format" {
            let postcode = hold.payload["postcode"]?.text ?? ""
            let digits = postcode.filter(\.isNumber)
            let fixable = !postcode.contains(where: \.isLetter) && (digits.count == 5 || digits.count == 9)
            #expect(fixable == (Shared.labels(hold)["fixable"] == true), "\(postcode)")
            #expect(postcode.wholeMatch(of: /\d{5}(-\d{4})?/) == nil, "already valid: \(postcode)")
        }
    }

    @Test func inventoryDriftsMatchTheStoredCounts() {
        var counts: [String: Int] = [:]
        for count in dataset.inventory { counts["\(count.sku)|\(count.system)"] = count.quantity }
        let drifts = Shared.exceptions(.inventoryDrift)
        var within = 0
        for drift in drifts {
            let sku = drift.payload["sku"]?.text ?? ""
            let (storefront, erp, wms) = (
                drift.payload["storefront_qty"]?.number, drift.payload["erp_qty"]?.number,
                drift.payload["wms_qty"]?.number
            )
            #expect(storefront == counts["\(sku)|storefront"].map(Double.init))
            #expect(erp == counts["\(sku)|erp"].map(Double.init))
            #expect(wms == counts["\(sku)|wms"].map(Double.init))
            #expect(["erp", "wms"].contains(drift.source))
            if let s = storefront, let e = erp, let w = wms, abs(s - w) <= 5, abs(e - w) <= 5 { within += 1 }
        }
        let share = Double(within) / Double(drifts.count)
        #expect(share > 0.65 && share < 0.85, "\(share)")
    }
}
