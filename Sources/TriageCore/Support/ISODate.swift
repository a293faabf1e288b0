import Foundation

/// Fast ISO 8601 parsing and formatting for the date shapes retail systems send.
///
/// Accepts `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM` or no zone (read as UTC).
/// Hand-written because ingest parses one or more dates per record and `ISO8601DateFormatter` is
/// an order of magnitude slower.
public enum ISODate {
    /// Parses an ISO 8601 date or date-time; nil when the text is not one.
    public static func parse(_ text: String) -> Date? {
        var parser = Cursor(Array(text.utf8))
        return parser.parseDate()
    }

    /// Formats a date as `YYYY-MM-DDTHH:MM:SSZ` in UTC.
    public static func format(_ date: Date) -> String {
        let (days, seconds) = splitSeconds(Int64(date.timeIntervalSince1970.rounded(.down)))
        let (year, month, day) = civil(fromDays: days)
        let time = (hours: seconds / 3600, minutes: seconds % 3600 / 60, seconds: seconds % 60)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(time.hours, 2)):"
            + "\(pad(time.minutes, 2)):\(pad(time.seconds, 2))Z"
    }

    /// The start (00:00 UTC) of the day holding `date`.
    public static func startOfDay(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }

    /// Formats the calendar day of a date (UTC) as `YYYY-MM-DD`.
    public static func formatDay(_ date: Date) -> String {
        String(format(date).prefix(10))
    }

    /// Days since 1970-01-01 for a civil date (proleptic Gregorian).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func splitSeconds(_ total: Int64) -> (Int64, Int64) {
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        return (days, total - days * 86_400)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

private struct Cursor {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDate() -> Date? {
        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2),
            expect(UInt8(ascii: "-")), let day = digits(2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        // 2026-02-30 is no day: refuse it rather than roll it over to March.
        guard ISODate.civil(fromDays: ISODate.days(year: year, month: month, day: day)) == (year, month, day) else {
            return nil
        }
        var seconds = ISODate.days(year: year, month: month, day: day) * 86_400
        guard index < bytes.count else { return Date(timeIntervalSince1970: Double(seconds)) }
        guard bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") else { return nil }
        index += 1
        guard let time = parseTime() else { return nil }
        seconds += time.whole
        guard let offset = parseZone() else { return nil }
        return Date(timeIntervalSince1970: Double(seconds - offset) + time.fraction)
    }

    mutating func parseTime() -> (whole: Int64, fraction: Double)? {
        guard let hours = digits(2), expect(UInt8(ascii: ":")), let minutes = digits(2), hours < 24, minutes < 60
        else { return nil }
        var whole = hours * 3600 + minutes * 60
        var fraction = 0.0
        if peek(UInt8(ascii: ":")) {
            index += 1
            guard let secs = digits(2), secs < 61 else { return nil }
            whole += secs
            if peek(UInt8(ascii: ".")) || peek(UInt8(ascii: ",")) {
                index += 1
                var scale = 0.1
                let start = index
                while index < bytes.count, let digit = digit(bytes[index]) {
                    fraction += Double(digit) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        return (whole, fraction)
    }

    mutating func parseZone() -> Int64? {
        guard index < bytes.count else { return 0 }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "Z") || byte == UInt8(ascii: "z") { return index == bytes.count ? 0 : nil }
        guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"), let hours = digits(2) else { return nil }
        if peek(UInt8(ascii: ":")) { index += 1 }
        guard let minutes = digits(2), index == bytes.count else { return nil }
        let offset = hours * 3600 + minutes * 60
        return byte == UInt8(ascii: "+") ? offset : -offset
    }

    mutating func digits(_ count: Int) -> Int64? {
        guard index + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for _ in 0..<count {
            guard let digit = digit(bytes[index]) else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return value
    }

    func digit(_ byte: UInt8) -> Int? {
        byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
    }

    func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    mutating func expect(_ byte: UInt8) -> Bool {
        guard peek(byte) else { return false }
        index += 1
        return true
    }
}
