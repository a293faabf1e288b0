import Foundation
import Testing
import TriageCore
import TriageDemo

@Suite struct ReturnExceptionTests {
    let dataset = Shared.dataset
    var returns: [NewException] { Shared.exceptions(.returnRequest) }

    @Test func numberedReturnsListItemsFromTheirOrder() {
        let orders = Dictionary(uniqueKeysWithValues: dataset.orders.map { ($0.orderNumber, $0) })
        let numbered = returns.filter { $0.reason == "return_requested" }
        #expect(!numbered.isEmpty)
        var labels: [String: Int] = [:]
        for request in numbered {
            let order = orders[request.orderNumber ?? ""]
            let label = Shared.labels(request)["reason"]?.text ?? ""
            labels[label, default: 0] += 1
            let skus = request.payload["items"]?.array?.compactMap { $0["sku"]?.text } ?? []
            let onOrder = skus.allSatisfy { sku in order?.lines.contains { $0.sku == sku } == true }
            #expect(onOrder == (label != "sku_not_on_order"), "\(request.eventID)")
            #expect(request.source == "returns_app" && request.payload["currency"]?.text == order?.currency)
            #expect(Money(json: request.payload["refund_amount"]) != nil)
            #expect(request.payload["customer_name"]?.text == order?.customer.name)
        }
        #expect((labels["within_window"] ?? 0) > numbered.count / 2)
        #expect((labels["outside_window"] ?? 0) > 0 && (labels["sku_not_on_order"] ?? 0) > 0)
    }

    @Test func unnumberedReturnsCarryTheTrueOrderOrNull() {
        let ids = Set(dataset.orders.map(\.orderID))
        let unnumbered = returns.filter { $0.reason == "no_order_number" }
        var unmatched = 0
        for request in unnumbered {
            #expect(request.orderNumber == nil)
            let truth = Shared.labels(request)["order_id"]
            #expect(truth != nil, "\(request.eventID)")
            if truth == .null { unmatched += 1 } else { #expect(ids.contains(truth?.text ?? "")) }
            #expect(request.text != nil || request.payload["customer_name"] != nil)
            #expect(request.payload["received_at"]?.text.flatMap(ISODate.parse) != nil)
            #expect(request.payload["items"]?.array?.allSatisfy { $0["description"] != nil } == true)
        }
        let share = Double(unmatched) / Double(unnumbered.count)
        #expect(share > 0.08 && share < 0.25, "\(share)")
    }

    @Test func unnumberedReturnsVaryHowCustomersWriteTheirDetails() {
        let orders = Dictionary(uniqueKeysWithValues: dataset.orders.map { ($0.orderID, $0) })
        let matched = returns.filter { $0.reason == "no_order_number" && Shared.labels($0)["order_id"] != .null }
        let exactNames = matched.filter { request in
            request.payload["customer_name"]?.text
                == orders[Shared.labels(request)["order_id"]?.text ?? ""]?.customer.name
        }
        #expect(exactNames.count > matched.count / 5 && exactNames.count < matched.count * 3 / 4)
        #expect(matched.contains { $0.payload["email"] == nil })
        #expect(matched.contains { $0.payload["address"]?["line1"] == nil && $0.payload["address"] != nil })
        #expect(matched.contains { $0.text?.contains("return") == true })
    }
}
