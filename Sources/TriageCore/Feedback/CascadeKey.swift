import Foundation

/// One hour of one exception type from one source; `reason` marks the cascade exceptions Triage raises itself.
public struct CascadeKey: Sendable, Hashable {
    /// The reason on the escalation Triage raises for a cascade.
    public static let reason = "cascade"
    public var kind: ExceptionKind
    public var source: String
    public var hour: Date

    public init(kind: ExceptionKind, source: String, hour: Date) {
        self.kind = kind
        self.source = source
        self.hour = hour
    }

    /// The key of the hour (UTC) `date` falls in.
    public init(kind: ExceptionKind, source: String, at date: Date) {
        self.init(kind: kind, source: source, hour: Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 3600).rounded(.down) * 3600))
    }
}

/// The hours in `[from, to)` of one exception type from one source, whose counts cascade detection reads.
public struct HourRange: Sendable, Hashable {
    /// The exception type.
    public var kind: ExceptionKind
    /// The source that reported it.
    public var source: String
    /// The first hour's start.
    public var from: Date
    /// The end, exclusive.
    public var to: Date

    /// Creates a range.
    public init(kind: ExceptionKind, source: String, from: Date, to: Date) {
        self.kind = kind
        self.source = source
        self.from = from
        self.to = to
    }
}
