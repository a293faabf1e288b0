/// The outcome of normalising a postcode.
public enum PostcodeResult: Sendable, Hashable {
    /// The postcode was already in its normal form.
    case valid(String)
    /// The postcode was valid once reformatted; `from` is the text as received.
    case fixed(String, from: String)
    /// The postcode cannot be repaired without guessing; the reason says why.
    case unfixable(String)

    /// The normalised postcode, when there is one.
    public var normalised: String? {
        switch self {
        case .valid(let value), .fixed(let value, _): value
        case .unfixable: nil
        }
    }

    /// Wraps a normal form, as `.valid` when it equals the received text and `.fixed` otherwise.
    static func normalised(_ value: String, raw: String) -> PostcodeResult {
        value == raw ? .valid(value) : .fixed(value, from: raw)
    }
}
