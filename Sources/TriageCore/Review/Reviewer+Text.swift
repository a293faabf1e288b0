extension Reviewer {
    /// The users as a table: name, role and team.
    public static func table(_ users: [Reviewer]) -> String {
        let rows = users.map { [$0.name, $0.role.rawValue, $0.team ?? ""] }
        return TextTable.render(header: ["name", "role", "team"], rows: rows)
    }

    /// "name (role, team T)": how `triage users add` names the user it added.
    public var label: String {
        "\(name) (\(role.rawValue)\(team.map { ", team \($0)" } ?? ""))"
    }
}
