import Foundation

extension String {
    /// The text without leading and trailing spaces and tabs. Returns `self` without bridging through `NSString`
    /// when there is nothing to trim, which is almost always: this runs for several fields of every exception.
    public var trimmingSpaces: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
