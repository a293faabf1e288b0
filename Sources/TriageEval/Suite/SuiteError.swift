import Foundation

/// Why a suite could not be loaded or run: the file, the line and the field, so the author can fix it.
///
/// The command line prints it and exits with code 2 (bad input).
public struct SuiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file at fault (the manifest, a case file or a fixture file), as given or resolved.
    public var file: String
    /// The 1-based line, nil for a whole-file problem (a manifest is one JSON document).
    public var line: Int?
    /// The field at fault, dotted for nested fields (`fixtures.orders`); nil when the whole line is bad.
    public var field: String?
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field "x": message`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "field \"\(field)\": " }
        return text + message
    }
}
