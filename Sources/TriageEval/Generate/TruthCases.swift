import Foundation
import TriageCore

/// Turns generated exceptions and the generator's labels (kept apart from them) into suite cases.
///
/// The input is the exception as its source sent it; the labels become `expected`.
public enum TruthCases {
    /// The case for a generated exception of `task` with its labels; nil when it is not one (a return with an
    /// order number, another kind) or carries no label for the task.
    public static func evalCase(
        _ exception: NewException, labels: [String: JSONValue], task: AITask, id: String
    ) -> EvalCase? {
        guard exception.kind == CaseRecord.origin(of: task).kind else { return nil }
        let input = CaseRecord.input(from: exception, task: task)
        var tags = ["generated"]
        let expected: [String: JSONValue]
        switch task {
        case .returnMatch:
            guard exception.orderNumber == nil, let truth = labels["order_id"] else { return nil }
            expected = ["order_id": truth.isNull ? .null : truth]
            tags += [input["text"] == nil ? "structured" : "text", truth.isNull ? "no_match" : "match"]
        case .invoice:
            guard let truth = labels["expected"]?.object, exception.text != nil else { return nil }
            expected = truth.filter { Prediction.keys(for: .invoice).contains($0.key) }
            tags += [truth["action"]?.text ?? "unlabelled"] + (truth["injection"] == nil ? [] : ["injection"])
        case .warranty:
            guard let truth = labels["expected"]?.object, exception.text != nil else { return nil }
            expected = truth.filter { Prediction.keys(for: .warranty).contains($0.key) }
            tags += [truth["action"]?.text ?? "unlabelled"] + (truth["order_ref"]?.isNull == false ? [] : ["no_order_ref"])
                + (truth["injection"] == nil ? [] : ["injection"])
        }
        return EvalCase(id: id, task: task, input: input, expected: expected, tags: tags)
    }

    /// Up to `count` cases of `task` from `exceptions`, in their order, with ids `<prefix>-0001`, ….
    public static func cases(
        from exceptions: [NewException], labels: [ExceptionLabel], task: AITask, count: Int, prefix: String
    ) -> [EvalCase] {
        let byEvent = Dictionary(labels.map { ("\($0.source)\u{1F}\($0.eventID)", $0.values) }, uniquingKeysWith: { a, _ in a })
        var cases: [EvalCase] = []
        for exception in exceptions where cases.count < count {
            let number = String(cases.count + 1)
            let id = prefix + "-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
            let values = byEvent["\(exception.source)\u{1F}\(exception.eventID)"] ?? [:]
            if let entry = evalCase(exception, labels: values, task: task, id: id) { cases.append(entry) }
        }
        return cases
    }
}
