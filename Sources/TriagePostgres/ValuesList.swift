import PostgresNIO

/// A multi-row `VALUES` list with its bindings, for inserts whose columns may be NULL (PostgresNIO's arrays, which
/// `unnest` needs, hold no NULLs). Keep a list under PostgreSQL's 65,535 bindings per statement.
struct ValuesList {
    private(set) var binds = PostgresBindings()
    private var tuples: [String] = []

    /// Adds one row: `append` binds its values in column order.
    mutating func add(_ append: (inout PostgresBindings) throws -> Void) rethrows {
        let first = binds.count + 1
        try append(&binds)
        tuples.append("(" + (first...binds.count).map { "$\($0)" }.joined(separator: ", ") + ")")
    }

    /// Binds one value outside the rows, for the rest of the statement; returns its placeholder.
    mutating func parameter(_ value: Double) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// `head VALUES (…), (…) tail`.
    func query(_ head: String, _ tail: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: head + " VALUES " + tuples.joined(separator: ", ") + " " + tail, binds: binds)
    }
}
