import Foundation
import TriageCore

/// Turns generated exceptions that carry truth labels (`_truth`, `_truth_order_id`) into suite cases.
///
/// The labels move to `expected`; the input keeps only what a source sends, so the worker never sees them.
public enum TruthCases {
    /// The case for a generated exception of `task`; nil when it is not one (a return with an order number,
    /// another kind) or carries no label.
    public static func evalCase(_ exception: NewException, task: AITask, id: String) -> EvalCase? {
        guard exception.kind == CaseRecord.origin(of: task).kind else { return nil }
        let input = CaseRecord.input(from: exception, task: task)
        var tags = ["generated"]
        let expected: [String: JSONValue]
        switch task {
        case .returnMatch:
            guard exception.orderNumber == nil, let truth = exception.payload["_truth_order_id"] else { return nil }
            expected = ["order_id": truth.isNull ? .null : truth]
            tags += [input["text"] == nil ? "structured" : "text", truth.isNull ? "no_match" : "match"]
        case .invoice:
            guard let truth = exception.payload["_truth"]?.object, exception.text != nil else { return nil }
            expected = truth.filter { Prediction.keys(for: .invoice).contains($0.key) }
            tags += [truth["action"]?.text ?? "unlabelled"] + (truth["injection"] == nil ? [] : ["injection"])
        case .warranty:
            guard let truth = exception.payload["_truth"]?.object, exception.text != nil else { return nil }
            expected = truth.filter { Prediction.keys(for: .warranty).contains($0.key) }
            tags += [truth["action"]?.text ?? "unlabelled"] + (truth["order_ref"]?.isNull == false ? [] : ["no_order_ref"])
                + (truth["injection"] == nil ? [] : ["injection"])
        }
        return EvalCase(id: id, task: task, input: input, expected: expected, tags: tags)
    }

    /// Up to `count` cases of `task` from `exceptions`, in their order, with ids `<prefix>-0001`, ….
    public static func cases(from exceptions: [NewException], task: AITask, count: Int, prefix: String) -> [EvalCase] {
        var cases: [EvalCase] = []
        for exception in exceptions where cases.count < count {
            let number = String(cases.count + 1)
            let id = prefix + "-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
            if let entry = evalCase(exception, task: task, id: id) { cases.append(entry) }
        }
        return cases
    }
}
