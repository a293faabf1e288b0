import Foundation

/// Foundation's file errors in plain words: what failed, the path, and the reason, not a Cocoa domain and code.
public enum FileErrorText {
    /// "PATH: what is wrong" for a Foundation file error.
    public static func describe(_ error: CocoaError) -> String {
        let path = error.filePath ?? "the file"
        switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile:
            return "\(path): no such file or folder (check the path, or create its folder first)"
        case .fileWriteFileExists:
            return "\(path): a file is in the way where a folder is needed; name another path"
        case .fileReadNoPermission, .fileWriteNoPermission:
            return "\(path): permission denied"
        case .fileWriteOutOfSpace:
            return "\(path): the disk is full"
        case .fileWriteVolumeReadOnly:
            return "\(path): the file system is read-only"
        default:
            let reason = (error.underlying as? POSIXError).map { String(cString: strerror($0.code.rawValue)) }
            return "\(path): \(reason ?? "cannot be read or written")"
        }
    }
}
