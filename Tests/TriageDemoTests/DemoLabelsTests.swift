import Foundation
import Testing
import TriageCore
import TriageDemo

@Suite struct DemoLabelsTests {
    let dataset = Shared.dataset

    @Test func everyUnstructuredExceptionHasItsLabelApartFromThePayload() {
        let unstructured = dataset.exceptions.filter {
            [.supplierInvoice, .warrantyClaim].contains($0.kind) || $0.reason == "no_order_number"
        }
        #expect(!unstructured.isEmpty)
        for exception in unstructured {
            let labels = Shared.labels(exception)
            #expect(labels["expected"] != nil || labels["order_id"] != nil, "\(exception.eventID)")
        }
        for exception in dataset.exceptions {
            #expect(!exception.payload.keys.contains { $0.lowercased().contains("truth") }, "\(exception.eventID)")
        }
    }

    @Test func theFixtureWriterWritesTheLabelsToTheirOwnFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FixtureWriter.write(dataset, to: folder)
        let text = try String(contentsOf: folder.appendingPathComponent("labels.jsonl"), encoding: .utf8)
        let read = try text.split(separator: "\n").map { try JSONCoding.decode(ExceptionLabel.self, from: String($0)) }
        #expect(read == dataset.labels)
        let exceptions = try String(contentsOf: folder.appendingPathComponent("exceptions.jsonl"), encoding: .utf8)
        #expect(!exceptions.contains("truth"))
    }
}
