import Testing
import TriageCore
@testable import TriageEval

@Suite("Suite metrics")
struct SuiteMetricsTests {
    func value(_ metrics: [Metric], _ key: String) -> Double? { metrics.first { $0.key == key }?.value }

    @Test("return_match: accuracy with null = null, candidate recall, no-match precision; an error is wrong")
    func returns() {
        let results = [
            result("a", expected: ["order_id": "o1"], prediction: ["order_id": "o1"], task: .returnMatch, candidates: ["o1", "o2"]),
            result("b", expected: ["order_id": "o2"], prediction: ["order_id": .null], task: .returnMatch, candidates: ["o2"]),
            result("c", expected: ["order_id": .null], prediction: ["order_id": .null], task: .returnMatch),
            result("d", expected: ["order_id": "o4"], prediction: ["order_id": "o5"], task: .returnMatch, candidates: ["o5"]),
            result("e", expected: ["order_id": "o4"], prediction: [:], task: .returnMatch, error: "case e: timeout"),
        ]
        let metrics = SuiteMetrics.compute(results, task: .returnMatch)
        #expect(value(metrics, "errors") == 1)
        #expect(value(metrics, "accuracy") == 40, "the errored case stays in the denominator")
        #expect(value(metrics, "candidate_recall") == 50)
        #expect(value(metrics, "no_match_precision") == 50, "an error is not a no-match answer")
        #expect(value(metrics, "no_match_recall") == 100)
    }

    @Test("high-confidence bucket: accuracy and coverage")
    func highConfidence() {
        let results = [
            result("a", expected: ["order_id": "o1"], prediction: ["order_id": "o1"], task: .returnMatch, confidence: .high),
            result("b", expected: ["order_id": "o1"], prediction: ["order_id": "o2"], task: .returnMatch, confidence: .high),
            result("c", expected: ["order_id": "o1"], prediction: ["order_id": "o1"], task: .returnMatch, confidence: .low),
            result("d", expected: ["order_id": "o1"], prediction: ["order_id": "o1"], task: .returnMatch, confidence: .low),
        ]
        let metrics = SuiteMetrics.compute(results, task: .returnMatch)
        #expect(value(metrics, "high_conf_accuracy") == 50)
        #expect(value(metrics, "high_conf_coverage") == 50)
    }

    @Test("invoice: per-field accuracy, field precision/recall/F1 and all fields right; only labelled keys score")
    func invoices() {
        let results = [
            result("a", expected: ["total": "10.00", "po_number": .null], prediction: ["total": "10.00", "po_number": .null, "supplier": "X"], task: .invoice),
            result("b", expected: ["total": "10.00", "po_number": "PO-1"], prediction: ["total": "11.00", "po_number": .null], task: .invoice),
        ]
        let metrics = SuiteMetrics.compute(results, task: .invoice)
        #expect(value(metrics, "all_fields_right") == 50)
        #expect(value(metrics, "field_total") == 50)
        #expect(value(metrics, "field_po_number") == 50)
        #expect(value(metrics, "field_supplier") == nil)
        // TP 1 (total a), FP 1 (total b), FN 2 (total b, po b).
        #expect(value(metrics, "field_precision") == 50)
        #expect(abs((value(metrics, "field_recall") ?? 0) - 100.0 / 3) < 0.01)
        #expect(abs((value(metrics, "field_f1") ?? 0) - 40) < 0.01)
    }

    @Test("warranty: action accuracy, macro-F1, confusion matrix, order number match")
    func warranty() {
        let results = [
            result("a", expected: ["action": "replace", "order_number": "#1"], prediction: ["action": "replace", "order_number": "#1"], task: .warranty),
            result("b", expected: ["action": "deny", "order_number": "#2"], prediction: ["action": "replace", "order_number": "#2"], task: .warranty),
            result("c", expected: ["action": "deny", "order_number": .null], prediction: ["action": "deny", "order_number": "#3"], task: .warranty),
        ]
        let metrics = SuiteMetrics.compute(results, task: .warranty)
        #expect(abs((value(metrics, "action_accuracy") ?? 0) - 200.0 / 3) < 0.01)
        #expect(abs((value(metrics, "order_number_match") ?? 0) - 200.0 / 3) < 0.01)
        // replace: P 1/2 R 1 → F1 2/3; deny: P 1 R 1/2 → F1 2/3.
        #expect(abs((value(metrics, "action_macro_f1") ?? 0) - 200.0 / 3) < 0.01)
        let confusion = Confusion(results, key: "action")
        #expect(confusion.counts["deny"]?["replace"] == 1)
        #expect(confusion.counts["deny"]?["deny"] == 1)
    }

    @Test("an errored invoice is wrong in every field it would have scored")
    func erroredFields() {
        let results = [
            result("a", expected: ["total": "10.00", "supplier": "Acme"], prediction: ["total": "10.00", "supplier": "Acme"], task: .invoice),
            result("b", expected: ["total": "10.00", "supplier": "Acme"], prediction: [:], task: .invoice, error: "case b: timeout"),
        ]
        let metrics = SuiteMetrics.compute(results, task: .invoice)
        #expect(value(metrics, "field_total") == 50)
        #expect(value(metrics, "field_supplier") == 50)
        #expect(value(metrics, "field_supplier_strict") == 50)
        #expect(value(metrics, "all_fields_right") == 50)
        #expect(value(metrics, "errors") == 1)
    }

    @Test("calibration: accuracy and share per confidence level, and the expected calibration error")
    func calibration() {
        let results = [
            result("a", expected: ["order_id": "o1"], prediction: ["order_id": "o1"], task: .returnMatch, confidence: .high),
            result("b", expected: ["order_id": "o1"], prediction: ["order_id": "o1"], task: .returnMatch, confidence: .medium),
            result("c", expected: ["order_id": "o1"], prediction: ["order_id": "o2"], task: .returnMatch, confidence: .medium),
            result("d", expected: ["order_id": "o1"], prediction: ["order_id": "o2"], task: .returnMatch, confidence: .low),
            result("e", expected: ["order_id": "o1"], prediction: [:], task: .returnMatch, error: "case e: timeout"),
        ]
        let metrics = SuiteMetrics.compute(results, task: .returnMatch)
        #expect(value(metrics, "high_conf_accuracy") == 100)
        #expect(value(metrics, "high_conf_coverage") == 20)
        #expect(value(metrics, "medium_conf_accuracy") == 50)
        #expect(value(metrics, "medium_conf_share") == 40)
        #expect(value(metrics, "low_conf_accuracy") == 0)
        #expect(value(metrics, "low_conf_share") == 20)
        // Over the 4 rated cases: 1/4 × |1 − .95| + 2/4 × |.5 − .8| + 1/4 × |0 − .5| = .0125 + .15 + .125.
        #expect(abs((value(metrics, "calibration_error") ?? 0) - 28.75) < 0.001)
    }

    @Test("latency percentiles use the nearest rank")
    func latency() {
        #expect(SuiteMetrics.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5) == 5)
        #expect(SuiteMetrics.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95) == 10)
        #expect(SuiteMetrics.percentile([], 0.5) == nil)
    }
}
