import Foundation
import TriageCore

/// Inline SVG charts drawn by the app (no scripts, no external hosts); every label is HTML-escaped.
enum Charts {
    static let palette = ["#12324a", "#2f7ebc", "#e07b39", "#3a9d5d", "#b3261e", "#7b5ea7", "#8c8c8c"]

    /// Horizontal bars: hours per exception type this week.
    static func hoursByType(_ types: [WeeklyReview.TypeHours]) -> String {
        let width = 640.0, rowHeight = 26.0, labelWidth = 170.0
        let height = rowHeight * Double(max(types.count, 1)) + 10
        let maximum = max(types.map(\.hours).max() ?? 0, 1)
        var svg = open(width: width, height: height, title: "Hours of manual work by exception type this week")
        for (index, type) in types.enumerated() {
            let y = 5 + Double(index) * rowHeight
            let bar = (width - labelWidth - 70) * type.hours / maximum
            svg += text(x: labelWidth - 8, y: y + 17, type.kind.rawValue, anchor: "end")
            svg += #"<rect x="\#(labelWidth)" y="\#(y + 4)" width="\#(format(bar))" height="\#(rowHeight - 8)" fill="\#(palette[0])"/>"#
            svg += text(x: labelWidth + bar + 6, y: y + 17, String(format: "%.1f h", type.hours))
        }
        return svg + "</svg>"
    }

    /// One line per type: weekly hours over the trend weeks, oldest left.
    static func weeklyTrend(_ types: [WeeklyReview.TypeHours], weekEnd: Date) -> String {
        let width = 640.0, height = 260.0, left = 50.0, right = 170.0, top = 15.0, bottom = 35.0
        let weeks = types.first?.trend.count ?? 0
        let maximum = max(types.flatMap(\.trend).compactMap { $0 }.max() ?? 0, 1)
        var svg = open(width: width, height: height, title: "Weekly hours per exception type, last \(weeks) weeks")
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        svg += #"<line x1="\#(left)" y1="\#(top + plotHeight)" x2="\#(left + plotWidth)" y2="\#(top + plotHeight)" stroke="gray"/>"#
        svg += text(x: left - 6, y: top + 10, String(format: "%.0f h", maximum), anchor: "end")
        for week in 0..<weeks {
            let x = left + plotWidth * Double(week) / Double(max(weeks - 1, 1))
            let start = weekEnd.addingTimeInterval(-Double(weeks - week) * 7 * 86_400)
            svg += text(x: x, y: height - 12, ISODate.formatDay(start).suffix(5).description, anchor: "middle")
        }
        for (index, type) in types.prefix(palette.count).enumerated() {
            let points = type.trend.enumerated().compactMap { week, hours -> String? in
                guard let hours else { return nil }  // a week before the log began: no point, not a zero
                let x = left + plotWidth * Double(week) / Double(max(weeks - 1, 1))
                return "\(format(x)),\(format(top + plotHeight - plotHeight * hours / maximum))"
            }.joined(separator: " ")
            let colour = palette[index]
            svg += #"<polyline points="\#(points)" fill="none" stroke="\#(colour)" stroke-width="2"/>"#
            svg += #"<rect x="\#(width - right + 12)" y="\#(top + Double(index) * 20)" width="10" height="10" fill="\#(colour)"/>"#
            svg += text(x: width - right + 28, y: top + Double(index) * 20 + 10, type.kind.rawValue)
        }
        return svg + "</svg>"
    }

    /// Calibration: how often reviewers accepted AI suggestions as is, per confidence bucket (all tasks).
    static func calibration(_ ai: [WeeklyReview.AIReview]) -> String {
        let width = 420.0, height = 220.0, left = 50.0, top = 15.0, bottom = 40.0
        let plotHeight = height - top - bottom
        var svg = open(width: width, height: height, title: "AI confidence vs acceptance as is")
        svg += #"<line x1="\#(left)" y1="\#(top + plotHeight)" x2="\#(width - 10)" y2="\#(top + plotHeight)" stroke="gray"/>"#
        svg += text(x: left - 6, y: top + 10, "100 %", anchor: "end")
        for (index, confidence) in [Confidence.low, .medium, .high].enumerated() {
            let buckets = ai.flatMap(\.byConfidence).filter { $0.confidence == confidence }
            let decided = buckets.map(\.decided).reduce(0, +), accepted = buckets.map(\.accepted).reduce(0, +)
            let rate = decided == 0 ? 0 : Double(accepted) / Double(decided)
            let x = left + 20 + Double(index) * 115
            let bar = plotHeight * rate
            svg += #"<rect x="\#(x)" y="\#(format(top + plotHeight - bar))" width="70" height="\#(format(bar))" fill="\#(palette[index + 1])"/>"#
            svg += text(x: x + 35, y: height - 22, confidence.rawValue, anchor: "middle")
            svg += text(x: x + 35, y: height - 6, decided == 0 ? "no decisions" : String(format: "%.0f %% of %d", rate * 100, decided), anchor: "middle")
        }
        return svg + "</svg>"
    }

    private static func open(width: Double, height: Double, title: String) -> String {
        #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 \#(format(width)) \#(format(height))" width="\#(format(width))" height="\#(format(height))" font-family="system-ui, sans-serif" font-size="12"><title>\#(HTMLText.escape(title))</title>"#
    }

    private static func text(x: Double, y: Double, _ value: String, anchor: String = "start") -> String {
        #"<text x="\#(format(x))" y="\#(format(y))" text-anchor="\#(anchor)">\#(HTMLText.escape(value))</text>"#
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
