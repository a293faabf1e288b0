import Foundation
import TriageCore

/// Read access to a stored exception's untrusted input.
struct TaskInput: Sendable {
    let record: ExceptionRecord
    /// The clock reading to use when the record carries no date at all.
    var fallbackNow: Date? = nil

    /// A payload string (numbers as text); nil for absent, null or empty.
    func string(_ key: String) -> String? {
        let value = record.exception.payload[key]?.text?.trimmingCharacters(in: .whitespacesAndNewlines)
        return value?.isEmpty == false ? value : nil
    }

    /// A payload value.
    func value(_ key: String) -> JSONValue? {
        record.exception.payload[key]
    }

    /// The most text a task reads: 64 KiB. Real messages and invoices are a few KiB; a 5 MB text would hold a
    /// worker in parsing past its job deadline, so the rest is not read and the card says so.
    static let maxTextBytes = 65_536

    /// The free text: the record's text, else a `text` or `body` payload field, read as plain text when sent as
    /// HTML (``HTMLText``), cut at ``maxTextBytes``.
    var text: String {
        let full = HTMLText.plain(fullText)
        guard full.utf8.count > Self.maxTextBytes else { return full }
        return String(decoding: full.utf8.prefix(Self.maxTextBytes), as: UTF8.self)
    }

    /// True when ``text`` is cut.
    var isTruncated: Bool { fullText.utf8.count > Self.maxTextBytes }

    private var fullText: String {
        record.exception.text ?? string("text") ?? string("body") ?? ""
    }

    /// When the request was received: the payload's `received_at`, else when the source raised it.
    var receivedAt: Date {
        string("received_at").flatMap(ISODate.parse) ?? fallbackNow ?? record.exception.occurredAt
    }
}

/// Short quotes from untrusted text for the card's evidence list.
enum Evidence {
    /// The sentence (or line) of `text` that contains `needle`, trimmed to 120 characters.
    static func quote(_ needle: String, in text: String) -> String? {
        guard !needle.isEmpty, let range = text.range(of: needle, options: .caseInsensitive) else { return nil }
        let start = text[..<range.lowerBound].lastIndex(where: { ".!?\n".contains($0) }).map(text.index(after:))
            ?? text.startIndex
        let end = text[range.upperBound...].firstIndex(where: { ".!?\n".contains($0) }) ?? text.endIndex
        let sentence = text[start..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        return sentence.count > 120 ? String(sentence.prefix(117)) + "…" : sentence
    }
}
