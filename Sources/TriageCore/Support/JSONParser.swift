/// A small, fast JSON parser that builds `JSONValue` directly from UTF-8 bytes.
///
/// Ingest parses one object per line; going through `JSONSerialization` and bridging every value back from
/// Foundation types cost more than the database writes, so the hot path parses bytes itself.
public struct JSONParser {
    /// Why a text is not JSON, with the byte offset.
    public struct Failure: Error, Sendable, Hashable {
        /// Byte offset of the problem.
        public var offset: Int
        /// What is wrong, when it is more than "not JSON": text that is not UTF-8, a lone surrogate.
        public var reason: String? = nil
    }

    /// Why a text with a byte that is not UTF-8 is refused.
    public static let notUTF8 = "not valid UTF-8 text (a byte such as a Latin-1 é that UTF-8 does not allow); save the file as UTF-8"

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    /// Parses a whole JSON text; trailing non-space bytes are an error.
    public static func parse<Bytes: Collection>(_ input: Bytes) throws(Failure) -> JSONValue where Bytes.Element == UInt8 {
        var parser = JSONParser(bytes: Array(input))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw Failure(offset: parser.index) }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func value() throws(Failure) -> JSONValue {
        skipSpace()
        guard index < bytes.count, depth < 512 else { throw Failure(offset: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return .number(try number())
        }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        index += 1
        depth += 1
        defer { depth -= 1 }
        var members: [String: JSONValue] = [:]
        skipSpace()
        if peek(UInt8(ascii: "}")) { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else { throw Failure(offset: index) }
            let key = try string()
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { throw Failure(offset: index) }
            index += 1
            members[key] = try value()
            skipSpace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            guard peek(UInt8(ascii: "}")) else { throw Failure(offset: index) }
            index += 1
            return .object(members)
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        index += 1
        depth += 1
        defer { depth -= 1 }
        var elements: [JSONValue] = []
        skipSpace()
        if peek(UInt8(ascii: "]")) { index += 1; return .array(elements) }
        while true {
            elements.append(try value())
            skipSpace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            guard peek(UInt8(ascii: "]")) else { throw Failure(offset: index) }
            index += 1
            return .array(elements)
        }
    }

    private mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            guard bytes[index] >= 0x20 else { throw Failure(offset: index) }
            index += 1
        }
        guard index < bytes.count else { throw Failure(offset: index) }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            guard let text = String(validating: bytes[start..<(index - 1)], as: UTF8.self) else {
                throw Failure(offset: start, reason: Self.notUTF8)
            }
            return text
        }
        return try escapedString(prefix: Array(bytes[start..<index]))
    }

    private mutating func escapedString(prefix: [UInt8]) throws(Failure) -> String {
        var buffer = prefix
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") {
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw Failure(offset: index, reason: Self.notUTF8)
                }
                return text
            }
            guard byte == UInt8(ascii: "\\") else {
                guard byte >= 0x20 else { throw Failure(offset: index - 1) }
                buffer.append(byte)
                continue
            }
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "u"): buffer.append(contentsOf: try unicodeEscape())
            default: throw Failure(offset: index - 1)
            }
        }
        throw Failure(offset: index)
    }

    private mutating func unicodeEscape() throws(Failure) -> [UInt8] {
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar), bytes.count >= index + 6, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw Failure(offset: index) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let character = Unicode.Scalar(scalar) else {
            throw Failure(offset: index, reason: "a lone UTF-16 surrogate escape (\\uD800–\\uDFFF) is not a character")
        }
        return Array(String(Character(character)).utf8)
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Failure(offset: index) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = hexDigit(bytes[index]) else { throw Failure(offset: index) }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 48...57: UInt32(byte - 48)
        case 65...70: UInt32(byte - 55)
        case 97...102: UInt32(byte - 87)
        default: nil
        }
    }

    private mutating func number() throws(Failure) -> Double {
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        guard index > start, let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
            throw Failure(offset: start)
        }
        return value
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private mutating func literal(_ word: String, _ result: JSONValue) throws(Failure) -> JSONValue {
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { throw Failure(offset: index) }
            index += 1
        }
        return result
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }
}

extension JSONParser {
    /// The members of a JSON object's text, such as a payload the store wrote; a text that is not an object fails at
    /// offset 0. Parses bytes directly, several times faster than `JSONDecoder` for `[String: JSONValue]`.
    public static func object(_ text: String) throws(Failure) -> [String: JSONValue] {
        guard case .object(let members) = try parse(text.utf8) else {
            throw Failure(offset: 0, reason: "not a JSON object")
        }
        return members
    }
}
