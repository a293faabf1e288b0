import TriageCore

/// An action a binary rule can take, checked against the stored reference data before anything is done.
///
/// `plan(for:params:lookup:)` is pure apart from reads through `lookup`: it returns the plan or the precise
/// reason a person must decide, and never changes anything itself.
public protocol BinaryAction: Sendable {
    /// The rule action this implements.
    var name: RuleAction { get }

    /// Checks the exception against the stored data and returns the plan, or why a person must decide.
    func plan(for record: ExceptionRecord, params: [String: JSONValue], lookup: any ReferenceLookup) throws
        -> ActionOutcome
}

/// The binary actions, by rule action.
public enum BinaryActions {
    /// The implementation of a binary rule action; nil for actions that are not binary.
    public static func action(for name: RuleAction) -> (any BinaryAction)? {
        switch name {
        case .releaseOrCancelPayment: PaymentSyncAction()
        case .normaliseAddress: AddressFixAction()
        case .reconcileInventory: InventoryReconcileAction()
        case .refundReturn: ReturnRefundAction()
        case .escalate, .queueAI, .none: nil
        }
    }
}
