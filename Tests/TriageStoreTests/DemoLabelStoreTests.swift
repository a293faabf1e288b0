import Foundation
import Testing
import TriageCore
import TriageStore

@Suite struct DemoLabelStoreTests {
    @Test func aFreshDatabaseIsNotADemoDatabase() throws {
        let database = try AppDatabase.inMemory()
        #expect(try !database.isDemo())
        #expect(try database.demoLabel(source: "mail", eventID: "m1") == nil)
    }

    @Test func theDemoMarkerAndLabelsAreStoredApartFromTheExceptions() throws {
        let database = try AppDatabase.inMemory()
        let labels = [
            ExceptionLabel(source: "returns_app", eventID: "rma_1", values: ["order_id": .null]),
            ExceptionLabel(source: "mail", eventID: "m1", values: ["expected": .object(["action": "deny"])]),
        ]
        try database.recordDemo(seed: 42, labels: labels, now: Date(timeIntervalSince1970: 0))
        #expect(try database.isDemo())
        #expect(try database.demoLabel(source: "returns_app", eventID: "rma_1")?.values == ["order_id": .null])
        #expect(try database.demoLabel(source: "mail", eventID: "m1") == labels[1])
        try database.recordDemo(seed: 43, labels: [labels[1]], now: Date(timeIntervalSince1970: 1))
        #expect(try database.demoLabel(source: "returns_app", eventID: "rma_1") == nil, "a new demo run replaces them")
    }
}
