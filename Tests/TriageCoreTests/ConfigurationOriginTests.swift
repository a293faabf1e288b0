import Testing
import TriageCore

@Suite("Configuration origin")
struct ConfigurationOriginTests {
    @Test("the flag wins, then the variable, then the working folder, then the built-in copy")
    func precedence() {
        let env = ["TRIAGE_RULES": "/etc/triage/rules.yaml"]
        let present: (String) -> Bool = { _ in true }
        let absent: (String) -> Bool = { _ in false }
        #expect(
            ConfigurationOrigin.resolve(flag: "mine.yaml", variable: "TRIAGE_RULES", environment: env, defaultName: "rules.yaml", fileExists: present)
                == .flag(path: "mine.yaml"))
        #expect(
            ConfigurationOrigin.resolve(flag: nil, variable: "TRIAGE_RULES", environment: env, defaultName: "rules.yaml", fileExists: present)
                == .environment(variable: "TRIAGE_RULES", path: "/etc/triage/rules.yaml"))
        #expect(
            ConfigurationOrigin.resolve(flag: nil, variable: "TRIAGE_RULES", environment: [:], defaultName: "rules.yaml", fileExists: present)
                == .workingFolder(path: "rules.yaml"))
        #expect(
            ConfigurationOrigin.resolve(flag: nil, variable: "TRIAGE_RULES", environment: [:], defaultName: "rules.yaml", fileExists: absent)
                == .embedded)
        #expect(ConfigurationOrigin.embedded.path == nil)
    }
}
