import Foundation

/// How to start the local LLM endpoint, in the words that fit how this `triage` was installed: a checkout's build
/// (`.build/…/triage`) has `scripts/local-llm`; an installed binary (`scripts/install`) has `triage-local-llm` beside it.
public enum LocalLLMHint {
    /// The command that starts the local endpoint for this install.
    public static var startCommand: String { startCommand(executable: CommandLine.arguments.first ?? "") }

    /// The start command for a `triage` at `executable`.
    public static func startCommand(executable: String) -> String {
        executable.contains("/.build/") ? "scripts/local-llm start" : "triage-local-llm start"
    }
}
