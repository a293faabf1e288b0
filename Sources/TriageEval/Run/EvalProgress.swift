import Foundation
import Synchronization
import TriageCore

/// The eval run's progress on standard error. On a terminal, a bar redrawn in place with cases done, total and the
/// time left; otherwise (a log file, a pipe, CI) one line when a suite's run starts and one when it ends, each
/// written whole, so a long live run shows where it is without filling the log.
public final class EvalProgress: Sendable {
    /// True when standard error is a terminal.
    public static let isTerminal = isatty(STDERR_FILENO) != 0

    private let terminal: Bool
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> ContinuousClock.Instant
    private let started = Mutex<[String: ContinuousClock.Instant]>([:])

    /// A reporter drawing a bar when `terminal`, else writing lines; `write` gets the text to print, `clock` the time.
    public init(
        terminal: Bool = EvalProgress.isTerminal,
        write: @escaping @Sendable (String) -> Void = EvalProgress.standardError,
        clock: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.terminal = terminal
        self.write = write
        self.clock = clock
    }

    /// Reports `done` of `total` cases of `suite`'s `variant` run; 0 when it starts.
    @Sendable public func report(_ suite: String, _ variant: RunVariant, _ done: Int, _ total: Int) {
        let key = "\(suite) [\(variant.rawValue)]"
        let now = clock()
        let start = started.withLock { known in
            if done == 0 || known[key] == nil { known[key] = now }
            return known[key] ?? now
        }
        let elapsed = (now - start).seconds
        if terminal {
            write("\r\(key) [\(Self.bar(done, total))] \(done)/\(total)\(Self.left(elapsed, done, total))")
        } else if done == 0 {
            write("eval: \(key): \(total) case(s)\n")
        } else if done == total {
            write("eval: \(key): \(total) case(s) done in \(Self.duration(elapsed))\n")
        }
    }

    /// Blanks the bar's line, so what follows starts clean (nothing to do off a terminal).
    public func clear() {
        if terminal { write("\r" + String(repeating: " ", count: 100) + "\r") }
    }

    /// Writes `text` to standard error at once.
    @Sendable public static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func bar(_ done: Int, _ total: Int, width: Int = 30) -> String {
        let filled = total == 0 ? width : width * min(done, total) / total
        return String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    }

    /// ", about 1 min 20 s left", from the pace so far; nothing before the first case ends or after the last.
    static func left(_ elapsed: Double, _ done: Int, _ total: Int) -> String {
        guard done > 0, done < total else { return "" }
        return ", about \(duration(elapsed / Double(done) * Double(total - done))) left"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
    }
}
