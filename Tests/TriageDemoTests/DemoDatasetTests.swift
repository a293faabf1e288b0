import Foundation
import Testing
import TriageCore
import TriageDemo

@Suite struct DemoDatasetTests {
    let dataset = Shared.dataset

    @Test func defaultSizesMeetTheMinimums() {
        #expect(dataset.orders.count >= 5_000)
        #expect(dataset.customers.count >= 2_000)
        #expect(dataset.exceptions.count >= 3_000)
        #expect((100...130).contains(dataset.products.count))
        #expect((12...20).contains(dataset.suppliers.count))
        #expect(dataset.purchaseOrders.count == 300)
        #expect(dataset.payments.count == dataset.orders.count)
    }

    @Test func productsSpanTheCategoriesWithRealisticPolicies() {
        let categories = Set(dataset.products.map(\.category))
        #expect(categories == ["electronics", "appliances", "apparel", "footwear", "home", "toys"])
        #expect(dataset.products.allSatisfy { (0...36).contains($0.warrantyMonths) })
        #expect(dataset.products.allSatisfy { [14, 30, 60].contains($0.returnWindowDays) })
        #expect(Set(dataset.products.map(\.sku)).count == dataset.products.count)
    }

    @Test func everyOrderTotalIsTheSumOfItsLines() {
        let wrong = dataset.orders.filter { order in
            order.total != order.lines.reduce(Money.zero) { $0 + $1.unitPrice * $1.qty }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(3).map(\.orderID))")
        #expect(dataset.orders.allSatisfy { (1...4).contains($0.lines.count) })
    }

    @Test func ordersAreNumberedAndPlacedInTheHistoryWindow() {
        let start = dataset.configuration.end.addingTimeInterval(-120 * 86_400)
        #expect(dataset.orders.first?.orderID == "ord_000001")
        #expect(dataset.orders.first?.orderNumber == "100001")
        #expect(Set(dataset.orders.map(\.orderNumber)).count == dataset.orders.count)
        #expect(dataset.orders.allSatisfy { $0.placedAt >= start && $0.placedAt < dataset.configuration.end })
        #expect(zip(dataset.orders, dataset.orders.dropFirst()).allSatisfy { $0.placedAt <= $1.placedAt })
    }

    @Test func deliveredOrdersHaveADeliveryDateAfterPlacement() {
        let delivered = dataset.orders.filter { $0.status == "delivered" }
        #expect(delivered.count > dataset.orders.count / 3)
        for order in delivered {
            #expect(order.deliveredAt.map { $0 > order.placedAt && $0 < dataset.configuration.end } == true)
        }
    }

    @Test func customersHaveValidLookingContactsAndPostcodes() {
        #expect(Set(dataset.customers.compactMap(\.email)).count == dataset.customers.count)
        let countries = Set(dataset.customers.compactMap(\.address?.country))
        #expect(countries == ["US", "CA", "GB"])
        for customer in dataset.customers {
            let postcode = customer.address?.postcode ?? ""
            switch customer.address?.country {
            case "US": #expect(postcode.count == 5 && postcode.allSatisfy(\.isNumber), "\(postcode)")
            case "CA": #expect(postcode.wholeMatch(of: /[A-Z]\d[A-Z] \d[A-Z]\d/) != nil, "\(postcode)")
            default: #expect(postcode.wholeMatch(of: /[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}/) != nil, "\(postcode)")
            }
        }
    }

    @Test func paymentsAgreeWithTheirOrders() {
        let orders = Dictionary(uniqueKeysWithValues: dataset.orders.map { ($0.orderNumber, $0) })
        for payment in dataset.payments {
            let order = orders[payment.orderNumber]
            #expect(order?.total == payment.amount)
            if order?.status == "delivered" { #expect(payment.status == "captured") }
            if order?.status == "cancelled" { #expect(payment.status == "cancelled") }
        }
    }

    @Test func shipmentsExistForShippedAndDeliveredOrders() {
        let shipped = Set(dataset.shipments.map(\.orderNumber))
        let needing = dataset.orders.filter { $0.status == "shipped" || $0.status == "delivered" }
        #expect(needing.allSatisfy { shipped.contains($0.orderNumber) })
    }

    @Test func inventoryHasThreeSystemsPerSKU() {
        #expect(dataset.inventory.count == dataset.products.count * 3)
        #expect(Set(dataset.inventory.map(\.system)) == ["storefront", "erp", "wms"])
    }

    @Test func seenInvoicesPredateTheExceptionWindow() {
        let windowStart = dataset.configuration.end.addingTimeInterval(-14 * 86_400)
        #expect(dataset.invoices.count > 50)
        #expect(dataset.invoices.allSatisfy { ($0.invoiceDate ?? windowStart) < windowStart })
        let names = Set(dataset.suppliers.map(\.name))
        #expect(dataset.invoices.allSatisfy { names.contains($0.supplier) })
    }

    @Test func purchaseOrderTotalsAreTheSumOfTheirLines() {
        for po in dataset.purchaseOrders {
            #expect(po.total == po.lines.reduce(Money.zero) { $0 + $1.unitPrice * $1.qty })
        }
    }

    @Test(arguments: [
        DemoConfiguration(
            customers: 5, orders: 12, products: 8, suppliers: 2, purchaseOrders: 4, days: 2,
            exceptionsPerDay: 40),
        DemoConfiguration(
            customers: 0, orders: 0, products: 0, suppliers: 0, purchaseOrders: 0, days: 1,
            exceptionsPerDay: 10),
    ])
    func tinyConfigurationsStayConsistent(_ configuration: DemoConfiguration) {
        let dataset = DemoDataset.generate(configuration)
        #expect(dataset.exceptions.count == configuration.totalExceptions)
        #expect(dataset.orders.count == configuration.orders)
        let numbers = Set(dataset.orders.map(\.orderNumber))
        #expect(dataset.exceptions.allSatisfy { $0.orderNumber.map(numbers.contains) ?? true })
        #expect(dataset.orders.allSatisfy { $0.total == $0.lines.reduce(Money.zero) { $0 + $1.unitPrice * $1.qty } })
    }
}
