import Foundation

/// Scratch files and folders the bench makes and removes.
enum Scratch {
    /// Removes `url` if it exists; a failure is printed with its reason, never fatal (the data was temporary).
    static func remove(_ url: URL) {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            FileHandle.standardError.write(Data("warning: cannot remove \(url.path): \(error)\n".utf8))
        }
    }
}
