import Foundation
import TriageCore

/// The /review page: the charts, then every table of the weekly review.
enum ReviewPage {
    static let source = """
        <h1>Weekly review {{start}} – {{end}}</h1>
        <p class="hint">Exports: <a href="/review.json{{query}}">JSON</a> · CSV per table below. Thresholds from the rules file: promotion after {{minDecisions}} decisions with agreement ≥ {{minAgreement}} (lower end of the 95 % interval); cascade at ≥ {{cascadeMin}} an hour and {{cascadeFactor}}× the usual.</p>
        <section class="charts" id="charts">{{{hoursChart}}}{{{trendChart}}}{{{calibrationChart}}}</section>
        {{#tables}}<section id="{{name}}"><h2>{{title}} <a class="hint" href="/review/{{name}}.csv{{query}}">CSV</a></h2>
        {{#hasRows}}<table><tr>{{#header}}<th>{{.}}</th>{{/header}}</tr>{{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}</table>{{/hasRows}}
        {{^hasRows}}<p>None this week.</p>{{/hasRows}}</section>{{/tables}}
        """

    static func model(_ review: WeeklyReview, query: String) -> [String: Any] {
        [
            "start": ISODate.formatDay(review.weekStart), "end": ISODate.formatDay(review.weekEnd.addingTimeInterval(-1)),
            "query": query, "minDecisions": review.policy.promotionMinDecisions,
            "minAgreement": String(format: "%.0f %%", review.policy.promotionMinAgreement * 100),
            "cascadeMin": review.policy.cascadeMinPerHour, "cascadeFactor": String(format: "%g", review.policy.cascadeFactor),
            "hoursChart": Charts.hoursByType(review.types),
            "trendChart": Charts.weeklyTrend(review.types, weekEnd: review.weekEnd),
            "calibrationChart": Charts.calibration(review.ai),
            "tables": review.tables.map { table in
                [
                    "name": table.name, "title": table.title, "header": table.header, "hasRows": !table.rows.isEmpty,
                    "rows": table.rows.map { ["cells": $0] },
                ] as [String: Any]
            },
        ]
    }
}
