import Foundation
import Testing
import TriageCore
import TriageDemo

@Suite struct BenchmarkExceptionsTests {
    @Test func generatesOneHundredThousandExceptionsOverTheSameReferenceData() {
        let exceptions = Shared.dataset.benchmarkExceptions(count: 100_000, seed: 7)
        #expect(exceptions.count == 100_000)
        let keys = Set(exceptions.map { "\($0.source)|\($0.eventID)" })
        #expect(keys.count == 100_000)
        #expect(exceptions.allSatisfy { $0.eventID.hasPrefix("bench7-") })
        let numbers = Set(Shared.dataset.orders.map(\.orderNumber))
        #expect(exceptions.allSatisfy { $0.orderNumber.map(numbers.contains) ?? true })
        #expect(zip(exceptions, exceptions.dropFirst()).allSatisfy { $0.occurredAt <= $1.occurredAt })
        let placed = Dictionary(uniqueKeysWithValues: Shared.dataset.orders.map { ($0.orderNumber, $0.placedAt) })
        #expect(
            exceptions.allSatisfy { exception in
                exception.orderNumber.flatMap { placed[$0] }.map { $0 < exception.occurredAt } ?? true
            })
        let kinds = Set(exceptions.map(\.kind))
        #expect(kinds == Set(ExceptionKind.allCases))
    }

    @Test func benchmarkExceptionsAreDeterministic() {
        let first = Shared.dataset.benchmarkExceptions(count: 2_000, seed: 9)
        let second = Shared.dataset.benchmarkExceptions(count: 2_000, seed: 9)
        #expect(first == second)
        #expect(first != Shared.dataset.benchmarkExceptions(count: 2_000, seed: 10))
    }
}
