import Foundation
import Hummingbird
import TriageCore

/// Queue filters from query parameters, under the names the CLI's flags use (`decision`, `search`, `team`,
/// `confidence`, `min_age_hours`, `kind`, `rule`, `limit`, `after`); a bad value or an unknown parameter is a 400
/// naming it. `decision_type` and `q`, the names of the first version, are still read.
enum QueueFilters {
    /// Every parameter the queue reads, and the older names kept for links and scripts written against them.
    static let names: Set<String> = [
        "kind", "decision", "confidence", "team", "search", "min_age_hours", "rule", "after", "limit",
    ]
    static let aliases: [String: String] = ["decision_type": "decision", "q": "search"]

    /// Parses a request's query, refusing parameters the queue does not know and teams the routing table does not
    /// name, so a misspelt filter is a 400 instead of an unfiltered list.
    static func parse(_ request: Request, preferTeam: String?, teams: [String]) throws -> QueueFilter {
        let given = Set(request.uri.queryParameters.map { String($0.key) })
        let unknown = given.subtracting(names).subtracting(aliases.keys).sorted()
        guard unknown.isEmpty else {
            throw HTTPFailure(
                .badRequest,
                "unknown query parameter \(unknown.joined(separator: ", ")); the queue reads "
                    + names.sorted().joined(separator: ", "))
        }
        let filter = try parse(request.query, preferTeam: preferTeam)
        if let team = filter.team, !teams.contains(team) {
            throw HTTPFailure(.badRequest, "query parameter team: no team \(team); teams: \(teams.joined(separator: ", "))")
        }
        return filter
    }

    /// Parses the filters from a query lookup, without checking for unknown names.
    static func parse(_ query: (String) -> String?, preferTeam: String?) throws -> QueueFilter {
        try withoutActuallyEscaping(query) { query in try parse(reading: query, preferTeam: preferTeam) }
    }

    private static func parse(reading query: @escaping (String) -> String?, preferTeam: String?) throws -> QueueFilter {
        let read = { (name: String) in query(name) ?? aliases.first { $0.value == name }.flatMap { query($0.key) } }
        var filter = QueueFilter(preferTeam: preferTeam)
        filter.kind = try value("kind", read, ExceptionKind.init(rawValue:))
        filter.decisionType = try value("decision", read, DecisionType.init(rawValue:))
        filter.confidence = try value("confidence", read, Confidence.init(rawValue:))
        filter.team = read("team")
        filter.search = read("search").map { String($0.prefix(200)) }
        // A number of hours from 0 to ten years: NaN, infinities and negatives are a 400, not an empty queue.
        filter.minAgeHours = try value("min_age_hours", read) { Double($0).flatMap { (0...87_600).contains($0) ? $0 : nil } }
        filter.rule = read("rule")
        filter.after = try value("after", read, QueueCursor.init(token:))
        filter.limit = try value("limit", read, Int.init).map { min(max($0, 1), 500) } ?? 200
        return filter
    }

    private static func value<T>(_ name: String, _ query: (String) -> String?, _ make: (String) -> T?) throws -> T? {
        guard let text = query(name) else { return nil }
        guard let value = make(text) else { throw HTTPFailure(.badRequest, "query parameter \(name) has a bad value") }
        return value
    }
}
