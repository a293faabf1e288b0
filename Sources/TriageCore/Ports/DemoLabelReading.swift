/// The demo generator's marker and labels, which `simulate-decisions` decides from: only a store `triage demo` made
/// (or one copied from it) has them, so scripted decisions never run on real data.
public protocol DemoLabelReading: Sendable {
    /// True when `triage demo` made this store (or it was copied from one it made).
    func isDemo() async throws -> Bool
    /// The generator's labels of one exception; nil when it has none.
    func demoLabel(source: String, eventID: String) async throws -> ExceptionLabel?
}
