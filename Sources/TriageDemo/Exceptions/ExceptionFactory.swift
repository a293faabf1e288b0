import Foundation
import TriageCore

/// Turns a schedule into exceptions against the reference data, with truth labels for the unstructured ones.
struct ExceptionFactory {
    let reference: ReferenceIndex
    /// Prepended to every event id, so a benchmark's events never collide with the demo's.
    let idPrefix: String
    var random: DemoRandom
    /// Each supplier's next invoice serial, continuing after the invoices already received.
    var invoiceSerials: PurchasingBook
    private let minutes: [DemoScenario: ClosedRange<Double>]
    var serial = 0
    var ordinals: [DemoScenario: Int] = [:]
    /// The labels of the exceptions made so far, apart from their payloads (which carry only what a source sends).
    var labels: [ExceptionLabel] = []

    init(reference: ReferenceIndex, profiles: [ScenarioProfile], random: DemoRandom, idPrefix: String = "") {
        self.reference = reference
        self.random = random
        self.idPrefix = idPrefix
        invoiceSerials = reference.purchasing
        var minutes: [DemoScenario: ClosedRange<Double>] = [:]
        for profile in profiles { minutes[profile.scenario] = profile.handlingMinutes }
        self.minutes = minutes
    }

    /// One exception per scheduled event, in the schedule's order.
    mutating func make(_ schedule: [ScheduledEvent]) -> [NewException] {
        var exceptions: [NewException] = []
        exceptions.reserveCapacity(schedule.count)
        for event in schedule { exceptions.append(make(event)) }
        return exceptions
    }

    /// The exception for one event; an integration failure when the reference data cannot support its scenario.
    mutating func make(_ event: ScheduledEvent) -> NewException {
        serial += 1
        let ordinal = ordinals[event.scenario, default: 0]
        ordinals[event.scenario] = ordinal + 1
        var exception = scenarioException(event, ordinal: ordinal) ?? integrationFailure(event)
        exception.handlingMinutes = handlingMinutes(
            exception.kind == event.scenario.kind ? event.scenario : .integrationFailure)
        return exception
    }

    private mutating func scenarioException(_ event: ScheduledEvent, ordinal: Int) -> NewException? {
        switch event.scenario {
        case .paymentDrift: paymentDrift(event, ordinal: ordinal)
        case .addressHold: addressHold(event, ordinal: ordinal)
        case .inventoryDrift: inventoryDrift(event)
        case .returnWithOrder: returnWithOrder(event)
        case .returnWithoutOrder: returnWithoutOrder(event)
        case .supplierInvoice: supplierInvoice(event, ordinal: ordinal)
        case .warrantyClaim: warrantyClaim(event, ordinal: ordinal)
        case .integrationFailure: integrationFailure(event)
        }
    }

    /// Records the answer an exception was built to have.
    mutating func label(_ source: String, _ eventID: String, _ values: [String: JSONValue]) {
        labels.append(ExceptionLabel(source: source, eventID: eventID, values: values))
    }

    /// An event id unique per source: `<prefix><tag>_<serial>`.
    func eventID(_ tag: String) -> String {
        let digits = String(serial)
        return idPrefix + tag + "_" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// Minutes drawn uniformly in half-minute steps from the scenario's range.
    private mutating func handlingMinutes(_ scenario: DemoScenario) -> Double? {
        guard let range = minutes[scenario] else { return nil }
        let steps = Int(((range.upperBound - range.lowerBound) * 2).rounded(.down))
        return range.lowerBound + Double(random.int(0...max(steps, 0))) / 2
    }

    /// True for every 50th text of a kind: about 2 % carry a prompt-injection attempt.
    static func injects(ordinal: Int) -> Bool { ordinal % 50 == 17 }
}
