import Foundation
import Testing
import TriageCore
import TriageDemo

@Suite struct ExceptionMixTests {
    let dataset = Shared.dataset

    @Test func everyKindIsPresentInRoughlyTheConfiguredMix() {
        let total = Double(dataset.exceptions.count)
        let expected: [(ExceptionKind, Double)] = [
            (.paymentDrift, 0.35), (.addressHold, 0.18), (.inventoryDrift, 0.15), (.returnRequest, 0.16),
            (.supplierInvoice, 0.07), (.warrantyClaim, 0.07), (.integrationFailure, 0.02),
        ]
        for (kind, share) in expected {
            let actual = Double(Shared.exceptions(kind).count) / total
            #expect(abs(actual - share) < 0.02, "\(kind): \(actual)")
        }
        let unnumbered = Shared.exceptions(.returnRequest).filter { $0.reason == "no_order_number" }
        #expect(abs(Double(unnumbered.count) / total - 0.06) < 0.01)
    }

    @Test func exceptionsFallInBusinessHoursOfTheLastTwoWeeks() {
        let end = dataset.configuration.end
        let start = end.addingTimeInterval(-14 * 86_400)
        #expect(zip(dataset.exceptions, dataset.exceptions.dropFirst()).allSatisfy { $0.occurredAt <= $1.occurredAt })
        for exception in dataset.exceptions {
            #expect(exception.occurredAt >= start && exception.occurredAt < end)
            let seconds = Int(exception.occurredAt.timeIntervalSince1970) % 86_400
            let limit = exception.kind == .integrationFailure ? 21 * 3_600 : 18 * 3_600 + 1_800
            #expect(seconds >= 8 * 3_600 && seconds <= limit, "\(exception.eventID)")
        }
    }

    @Test func eachDayHasExceptionsAndWeekdaysAreBusier() {
        var perDay: [Int: Int] = [:]
        for exception in dataset.exceptions {
            perDay[Int(exception.occurredAt.timeIntervalSince1970) / 86_400, default: 0] += 1
        }
        #expect(perDay.count == 14)
        #expect(perDay.values.allSatisfy { $0 > 50 })
        #expect((perDay.values.max() ?? 0) > 2 * (perDay.values.min() ?? 0))
    }

    @Test func eventIDsAreUniquePerSource() {
        let keys = dataset.exceptions.map { "\($0.source)|\($0.eventID)" }
        #expect(Set(keys).count == keys.count)
    }

    @Test func handlingMinutesFollowEachKindsRange() {
        let ranges: [ExceptionKind: ClosedRange<Double>] = [
            .paymentDrift: 3...6, .addressHold: 4...8, .inventoryDrift: 6...12, .returnRequest: 5...20,
            .supplierInvoice: 10...18, .warrantyClaim: 8...15, .integrationFailure: 20...45,
        ]
        for exception in dataset.exceptions {
            let minutes = exception.handlingMinutes ?? -1
            #expect(ranges[exception.kind]?.contains(minutes) == true, "\(exception.kind) \(minutes)")
        }
    }

    @Test func integrationFailuresComeInBurstsOfOneConnector() {
        let failures = Shared.exceptions(.integrationFailure)
        #expect(!failures.isEmpty)
        for (index, failure) in failures.enumerated() {
            let neighbours = failures.indices.filter { abs($0 - index) == 1 }.map { failures[$0] }
            let clustered = neighbours.contains { other in
                other.payload["connector"] == failure.payload["connector"]
                    && abs(other.occurredAt.timeIntervalSince(failure.occurredAt)) <= 240
            }
            #expect(clustered, "\(failure.eventID)")
            #expect(failure.reason == failure.payload["error"]?.text)
            #expect(failure.payload["endpoint"]?.text?.hasPrefix("https://") == true)
        }
    }

    @Test func everyReferencedOrderExists() {
        let numbers = Set(dataset.orders.map(\.orderNumber))
        for exception in dataset.exceptions {
            if let number = exception.orderNumber { #expect(numbers.contains(number), "\(exception.eventID)") }
        }
    }
}
