import TriageCore

/// What a binary action decides for one exception.
public enum ActionOutcome: Sendable, Hashable {
    /// The stored data backs the action: this plan can be executed (or confirmed, or shadowed).
    case execute(ActionPlan)
    /// The rule cannot decide safely; a person must, for this reason.
    case needsJudgment(reason: String)

    /// The plan, when there is one.
    public var plan: ActionPlan? {
        if case .execute(let plan) = self { return plan }
        return nil
    }
}
