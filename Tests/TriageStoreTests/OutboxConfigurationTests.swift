import Foundation
import Testing
import TriageCore

@testable import TriageStore

@Suite struct OutboxConfigurationTests {
    @Test func readsSystemsAndTakesHeaderValuesFromTheEnvironment() throws {
        let yaml = """
            systems:
              erp:
                url: https://erp.example/triage
                headers:
                  Authorization: ERP_TOKEN
              wms:
                url: http://127.0.0.1:9000/confirm
            """
        let configuration = try OutboxConfiguration.parse(
            yaml: yaml, file: "outbox.yaml", environment: ["ERP_TOKEN": "Bearer s3cret"])
        #expect(configuration.endpoints["erp"]?.url.absoluteString == "https://erp.example/triage")
        #expect(configuration.endpoints["erp"]?.headers == ["Authorization": "Bearer s3cret"])
        #expect(configuration.endpoints["wms"]?.headers == [:])
    }

    @Test func everyProblemNamesTheFileLineAndField() throws {
        let yaml = """
            systems:
              erp:
                url: ftp://erp.example/triage
                headers:
                  Authorization: ERP_TOKEN
              wms:
                adress: http://127.0.0.1:9000/confirm
            """
        let error = #expect(throws: OutboxConfigurationError.self) {
            try OutboxConfiguration.parse(yaml: yaml, file: "conf/outbox.yaml", environment: ["ERP_TOKEN": "s3cret"])
        }
        let text = try #require(error).description.split(separator: "\n")
        #expect(text.count == 3)
        #expect(text[0].hasPrefix("conf/outbox.yaml:3:10: systems.erp.url: expected an http(s) URL"))
        #expect(text[1] == "conf/outbox.yaml:6:3: systems.wms: missing field \"url\"")
        #expect(text[2].hasPrefix("conf/outbox.yaml:7:5: systems.wms: unknown key \"adress\""))
    }

    @Test func aMissingVariableIsNamedButNoSecretIsEverPrinted() throws {
        let yaml = "systems:\n  erp:\n    url: https://erp.example\n    headers:\n      X-Key: Bearer abc123\n"
        let error = #expect(throws: OutboxConfigurationError.self) {
            try OutboxConfiguration.parse(yaml: yaml, file: "outbox.yaml", environment: [:])
        }
        #expect(
            error?.description
                == "outbox.yaml:5:14: systems.erp.headers.X-Key: expected the name of an environment variable holding the value"
        )
        let unset = #expect(throws: OutboxConfigurationError.self) {
            try OutboxConfiguration.parse(
                yaml: "systems:\n  erp:\n    url: https://erp.example\n    headers: {X-Key: ERP_KEY}\n",
                file: "outbox.yaml", environment: [:])
        }
        #expect(unset?.description.contains("environment variable ERP_KEY is not set") == true)
    }

    @Test func invalidYAMLIsReportedWithItsLine() {
        let error = #expect(throws: OutboxConfigurationError.self) {
            try OutboxConfiguration.parse(yaml: "systems:\n  erp: [\n", file: "outbox.yaml", environment: [:])
        }
        #expect(error?.problems.first?.message.hasPrefix("invalid YAML") == true)
        #expect(error?.problems.first.map { $0.line >= 2 } == true)
    }
}
