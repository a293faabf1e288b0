import Foundation

/// Why one input record was rejected: the file, the line and the field, so a person can fix it.
public struct RejectedRecord: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the record came from.
    public var file: String
    /// The 1-based line the record starts on.
    public var line: Int
    /// The field at fault, dotted for nested fields (`customer.name`); nil when the whole line is bad.
    public var field: String?
    /// What is wrong.
    public var message: String

    /// Creates a record error.
    public init(file: String, line: Int, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { return "\(file):\(line): field \"\(field)\": \(message)" }
        return "\(file):\(line): \(message)"
    }
}

/// A field-level validation failure, before the file and line are known.
public struct FieldError: Error, Sendable, Hashable {
    /// The field at fault.
    public var field: String?
    /// What is wrong.
    public var message: String

    /// Creates a field error.
    public init(field: String?, message: String) {
        self.field = field
        self.message = message
    }

    /// Builds a field error from a decoding error, naming the dotted path of the failing field.
    public init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(field: FieldError.path(context.codingPath + [key]), message: "missing")
        case .valueNotFound(_, let context):
            self.init(field: FieldError.path(context.codingPath), message: "missing (null)")
        case .typeMismatch(let type, let context):
            self.init(field: FieldError.path(context.codingPath), message: "expected \(FieldError.name(of: type))")
        case .dataCorrupted(let context):
            let path = FieldError.path(context.codingPath)
            self.init(field: path, message: path == nil ? "not valid JSON" : context.debugDescription)
        @unknown default:
            self.init(field: nil, message: "could not be decoded")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String? {
        guard !keys.isEmpty else { return nil }
        return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type, is Int64.Type: "a number"
        case is Bool.Type: "true or false"
        default: "a \(type)".lowercased()
        }
    }
}
