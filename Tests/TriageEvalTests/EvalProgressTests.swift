import Foundation
import Synchronization
import Testing

@testable import TriageEval

@Suite struct EvalProgressTests {
    final class Capture: Sendable {
        let text = Mutex("")
        let now = Mutex(ContinuousClock.now)
        func advance(_ seconds: Int) { now.withLock { $0 += .seconds(seconds) } }
    }

    @Test func aTerminalBarShowsCasesDoneAndTheTimeLeftAtThePaceSoFar() {
        let capture = Capture()
        let progress = EvalProgress(
            terminal: true, write: { text in capture.text.withLock { $0 = text } }, clock: { capture.now.withLock { $0 } })
        progress.report("returns", .model, 0, 40)
        capture.advance(30)
        progress.report("returns", .model, 10, 40)
        let line = capture.text.withLock { $0 }
        #expect(line.hasPrefix("\rreturns [model] [#######......................."))
        #expect(line.hasSuffix("10/40, about 1 min 30 s left"))
        progress.report("returns", .model, 40, 40)
        #expect(capture.text.withLock { $0 }.hasSuffix("40/40"))
    }

    @Test func offATerminalEachRunWritesOneLineAsItStartsAndOneAsItEnds() {
        let capture = Capture()
        let progress = EvalProgress(
            terminal: false, write: { text in capture.text.withLock { $0 += text } }, clock: { capture.now.withLock { $0 } })
        progress.report("invoices", .noLLM, 0, 3)
        for done in 1...3 {
            capture.advance(2)
            progress.report("invoices", .noLLM, done, 3)
        }
        progress.clear()
        #expect(capture.text.withLock { $0 } == "eval: invoices [no_llm]: 3 case(s)\neval: invoices [no_llm]: 3 case(s) done in 6 s\n")
    }
}
