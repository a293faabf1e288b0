import Foundation
import Testing
import TriageDemo

@Test func inspectDump() throws {
    var start = Date()
    let dataset = DemoDataset.generate()
    print("TIMING generate", Date().timeIntervalSince(start))
    start = Date()
    try FixtureWriter.write(dataset, to: URL(fileURLWithPath: "/tmp/triage-demo-inspect"))
    print("TIMING write", Date().timeIntervalSince(start))
    start = Date()
    _ = dataset.benchmarkExceptions(count: 100_000, seed: 1)
    print("TIMING bench", Date().timeIntervalSince(start))
}
