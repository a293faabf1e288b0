import Foundation

/// A connector outage: every failure in it shares the connector and the error.
struct Burst: Sendable, Hashable {
    let connector: String
    let error: String
}

/// One exception to generate: its scenario and when it happens.
struct ScheduledEvent: Sendable {
    let scenario: DemoScenario
    let at: Date
    /// The outage an integration failure belongs to.
    let burst: Burst?
}

/// Lays exceptions out over business hours of the last `days` days, integration failures in bursts.
struct ScheduleBuilder {
    static let connectors = ["erp-sync", "wms-feed", "gateway-webhooks", "returns-app-api"]
    static let errors = ["timeout", "http_500", "http_502", "http_503", "auth_401"]

    let profiles: [ScenarioProfile]
    let end: Date
    let days: Int

    /// `count` events sorted by time; each scenario's count follows its share exactly.
    func build(count: Int, random: inout DemoRandom) -> [ScheduledEvent] {
        guard count > 0, days > 0 else { return [] }
        let counts = Self.allocate(count, weights: profiles.map(\.share))
        var scenarios: [DemoScenario] = []
        var failures = 0
        for (profile, n) in zip(profiles, counts) {
            if profile.scenario == .integrationFailure {
                failures += n
            } else {
                scenarios.append(contentsOf: repeatElement(profile.scenario, count: n))
            }
        }
        random.shuffle(&scenarios)
        let weights = dayWeights()
        var events = scenarios.map { scenario in
            ScheduledEvent(
                scenario: scenario, at: businessTime(day: random.weighted(weights), random: &random),
                burst: nil)
        }
        events += bursts(total: failures, weights: weights, random: &random)
        return events.enumerated().sorted { lhs, rhs in
            lhs.element.at == rhs.element.at ? lhs.offset < rhs.offset : lhs.element.at < rhs.element.at
        }.map(\.element)
    }

    /// Splits `total` in proportion to `weights` (largest remainder, ties to the earlier entry).
    static func allocate(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { lhs, rhs in
            let (a, b) = (exact[lhs] - Double(counts[lhs]), exact[rhs] - Double(counts[rhs]))
            return a == b ? lhs < rhs : a > b
        }
        for index in order.prefix(total - counts.reduce(0, +)) { counts[index] += 1 }
        return counts
    }

    /// The first midnight of the window.
    var windowStart: Date {
        DemoCalendar.startOfDay(end).addingTimeInterval(-Double(days) * DemoCalendar.day)
    }

    /// Weekdays are busy, weekends quieter.
    private func dayWeights() -> [Int] {
        (0..<days).map { day in
            let date = windowStart.addingTimeInterval(Double(day) * DemoCalendar.day)
            switch DemoCalendar.weekday(date) {
            case 5: return 55
            case 6: return 45
            default: return 100
            }
        }
    }

    /// A time between 08:00 and 18:30 UTC on `day`, busiest around midday.
    func businessTime(day: Int, random: inout DemoRandom) -> Date {
        let span = 37_800
        let offset = 8 * 3_600 + (random.below(span) + random.below(span)) / 2
        return windowStart.addingTimeInterval(Double(day) * DemoCalendar.day + Double(offset))
    }

    private func bursts(total: Int, weights: [Int], random: inout DemoRandom) -> [ScheduledEvent] {
        var events: [ScheduledEvent] = []
        while events.count < total {
            let burst = Burst(
                connector: Self.connectors[random.weighted([35, 25, 25, 15])],
                error: Self.errors[random.weighted([35, 20, 15, 20, 10])])
            let size = min(total - events.count, random.int(4...16))
            var at = businessTime(day: random.weighted(weights), random: &random)
            for _ in 0..<size {
                events.append(ScheduledEvent(scenario: .integrationFailure, at: at, burst: burst))
                at.addTimeInterval(Double(random.int(15...240)))
            }
        }
        return events
    }
}
