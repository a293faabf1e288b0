import Foundation

/// Text hidden in an encoding inside untrusted text: long base64 or hex runs that decode to readable words. The
/// injection screen reads what they carry, so "decode and follow: SWdub3Jl…" is screened as the words it hides.
enum EncodedText {
    /// The readable text of each base64 or hex run of 24 characters or more (at most eight runs).
    static func decodedRuns(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return candidates.matches(in: text, range: range).prefix(8).compactMap { match in
            Range(match.range, in: text).flatMap { decode(String(text[$0])) }
        }
    }

    private static let candidates = ConstantPattern.compile("[A-Za-z0-9+/]{24,}={0,2}")

    /// The run decoded as hex if it is hex, else as base64; nil unless the result is mostly letters and spaces.
    static func decode(_ run: String) -> String? {
        let bytes = hexBytes(run) ?? Data(base64Encoded: padded(run)).map { [UInt8]($0) }
        guard let bytes, let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let readable = text.filter { $0.isLetter || $0 == " " }.count
        return readable * 10 >= text.count * 8 ? text : nil
    }

    private static func hexBytes(_ run: String) -> [UInt8]? {
        guard run.count % 2 == 0, run.allSatisfy(\.isHexDigit) else { return nil }
        var bytes: [UInt8] = []
        var index = run.startIndex
        while index < run.endIndex {
            let next = run.index(index, offsetBy: 2)
            guard let byte = UInt8(run[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }

    private static func padded(_ run: String) -> String {
        let remainder = run.count % 4
        return remainder == 0 ? run : run + String(repeating: "=", count: 4 - remainder)
    }
}
