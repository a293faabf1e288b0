import TriageCore

extension RoutingTable {
    /// The rules as the weekly review lists them: the kinds each matches (empty: any), the mode of binary rules.
    public var feedbackRules: [FeedbackData.RuleInfo] {
        rules.map { rule in
            let kinds = rule.conditions.filter { $0.field == "kind" }.flatMap { condition -> [ExceptionKind] in
                switch condition.expected {
                case .string(let name)?: [ExceptionKind(rawValue: name)].compactMap { $0 }
                case .array(let names)?: names.compactMap { $0.text.flatMap(ExceptionKind.init(rawValue:)) }
                default: []
                }
            }
            return FeedbackData.RuleInfo(
                id: rule.id, kinds: kinds, mode: rule.decision == .binary ? rule.mode : nil, action: rule.action.rawValue)
        }
    }
}
