import Foundation
import TriageCore

/// Facts about the machine and timing helpers the benchmarks print with their numbers.
public enum BenchMachine {
    /// The 1, 5 and 15 minute load averages, as `/proc/loadavg` or `getloadavg` reports them.
    public static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 3) == 3 else { return "unknown" }
        return loads.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }

    /// The processor cores this process may use.
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// CPU seconds (user + system) this process has used so far, all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Seconds elapsed on a continuous clock since `start`.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).seconds
    }

    /// The value at quantile `q` (0…1) of already sorted values, nearest rank.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
