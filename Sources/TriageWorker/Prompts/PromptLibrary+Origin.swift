import Foundation
import TriageCore

extension PromptLibrary {
    /// Loads the prompts from `origin`: a `prompts/` folder, or the compiled-in copy.
    public static func load(from origin: ConfigurationOrigin) throws(PromptLibraryError) -> PromptLibrary {
        guard let path = origin.path else { return try embedded() }
        return try load(directory: URL(fileURLWithPath: path))
    }
}
