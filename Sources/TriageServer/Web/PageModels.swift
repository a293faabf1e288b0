import Foundation
import TriageCore

/// Turns domain values into the dictionaries the Mustache templates read. Every value is a plain string, number
/// or list; the templates escape them.
enum PageModels {
    static func reviewer(_ reviewer: Reviewer) -> [String: Any] {
        withoutEmptyText(["name": reviewer.name, "role": reviewer.role.rawValue, "team": reviewer.team ?? ""])
    }

    /// Drops empty strings, so a `{{#text}}…{{/text}}` section is skipped rather than shown empty.
    static func withoutEmptyText(_ model: [String: Any]) -> [String: Any] {
        model.filter { !(($0.value as? String)?.isEmpty ?? false) }
    }

    static func escalations(_ groups: [EscalationGroup]) -> [String: Any] {
        ["groups": groups.map {
            ["source": $0.source, "reason": $0.reason, "count": $0.count, "lastSeen": ISODate.format($0.lastSeen), "cardIDs": $0.cardIDs]
        }]
    }
}
