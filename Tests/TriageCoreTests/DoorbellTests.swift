import Foundation
import Testing
import TriageCore

@Suite(.timeLimit(.minutes(5))) struct DoorbellTests {
    @Test func aRingWakesTheWaiterLongBeforeItsTimeout() async {
        let bell = Doorbell()
        let started = ContinuousClock.now
        async let waited: Void = bell.waitForJobs(upTo: 60)
        try? await Task.sleep(for: .milliseconds(200))
        bell.ring()
        await waited
        #expect(started.duration(to: .now) < .seconds(30))
    }

    @Test func aRingNobodyWaitedForIsKeptForTheNextWaitOnly() async {
        let bell = Doorbell()
        bell.ring()
        let first = ContinuousClock.now
        await bell.waitForJobs(upTo: 60)
        #expect(first.duration(to: .now) < .seconds(30))
        let second = ContinuousClock.now
        await bell.waitForJobs(upTo: 0.3)
        #expect(second.duration(to: .now) >= .milliseconds(250), "the kept ring was used up by the first wait")
    }
}
