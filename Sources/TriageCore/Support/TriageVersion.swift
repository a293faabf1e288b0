/// This build's version, printed by `triage --version` and answered by `GET /healthz`.
public enum TriageVersion {
    /// The release this source tree becomes; CHANGELOG.md's "Unreleased" section lists what it adds.
    public static let current = "0.9.0"
}
