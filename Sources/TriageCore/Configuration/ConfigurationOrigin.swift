import Foundation

/// Where a piece of configuration (the routing table, the prompts) was taken from.
///
/// The order is: the command-line flag, then the environment variable, then a file or folder of the default name in
/// the working folder, then the copy compiled into the binary. So `triage demo` works from any folder with no flags,
/// and an operator's own `rules.yaml` beside the database still wins without a flag.
public enum ConfigurationOrigin: Sendable, Hashable, CustomStringConvertible {
    /// Named by a command-line flag.
    case flag(path: String)
    /// Named by an environment variable.
    case environment(variable: String, path: String)
    /// Found in the working folder under its default name.
    case workingFolder(path: String)
    /// The copy compiled into the binary.
    case embedded

    /// The path to read, or nil for the compiled-in copy.
    public var path: String? {
        switch self {
        case .flag(let path), .environment(_, let path), .workingFolder(let path): path
        case .embedded: nil
        }
    }

    /// A line for people: "rules.yaml in the working folder", "built-in defaults", ….
    public var description: String {
        switch self {
        case .flag(let path): "\(path) (from the command line)"
        case .environment(let variable, let path): "\(path) (from $\(variable))"
        case .workingFolder(let path): "\(path) (in the working folder)"
        case .embedded: "built-in defaults (compiled into this binary)"
        }
    }

    /// Resolves the origin: `flag`, else `environment[variable]`, else `defaultName` if it exists in the working
    /// folder, else the compiled-in copy. A flag or variable naming a missing path is kept, so loading it fails
    /// with that path named rather than silently falling back.
    public static func resolve(
        flag: String?, variable: String, environment: [String: String], defaultName: String,
        fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> ConfigurationOrigin {
        if let flag, !flag.isEmpty { return .flag(path: flag) }
        if let path = environment[variable], !path.isEmpty { return .environment(variable: variable, path: path) }
        if fileExists(defaultName) { return .workingFolder(path: defaultName) }
        return .embedded
    }
}
