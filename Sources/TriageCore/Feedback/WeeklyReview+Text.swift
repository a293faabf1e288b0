import Foundation

extension WeeklyReview {
    /// The review as `triage review` prints it: the week, then each table under its title ("(none)" when empty).
    public var text: String {
        var lines = ["Weekly review \(ISODate.formatDay(weekStart)) – \(ISODate.formatDay(weekEnd.addingTimeInterval(-1)))"]
        for section in tables {
            lines.append("\n== \(section.title)")
            lines.append(section.rows.isEmpty ? "(none)" : TextTable.render(header: section.header, rows: section.rows))
        }
        return lines.joined(separator: "\n")
    }
}
