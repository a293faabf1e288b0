import Foundation

/// What to look for when retrieving candidate orders for a return without an order number.
public struct CandidateQuery: Sendable, Hashable {
    /// The customer's e-mail, lower-cased.
    public var email: String?
    /// Normalised name tokens (lower-case, accents removed), including the surname.
    public var nameTokens: [String]
    /// The normalised postcode.
    public var postcode: String?
    /// The customer's phone, digits only.
    public var phoneDigits: String?
    /// SKUs mentioned.
    public var skus: [String]
    /// Orders placed in this window.
    public var placedBetween: ClosedRange<Date>?
    /// The most candidates to return.
    public var limit: Int

    /// Creates a query.
    public init(
        email: String? = nil, nameTokens: [String] = [], postcode: String? = nil, phoneDigits: String? = nil,
        skus: [String] = [], placedBetween: ClosedRange<Date>? = nil, limit: Int = 200
    ) {
        self.email = email
        self.nameTokens = nameTokens
        self.postcode = postcode
        self.phoneDigits = phoneDigits
        self.skus = skus
        self.placedBetween = placedBetween
        self.limit = limit
    }
}

/// Read access to the reference data the AI worker builds context from. Implemented by the store.
public protocol WorkerReference: Sendable {
    /// Orders sharing at least one blocking key (email, a name token, postcode, phone, SKU) with the query,
    /// placed inside the query's window when it has one; most shared keys first. A key shared with more orders
    /// than `limit` contributes only the newest of them.
    func candidateOrders(_ query: CandidateQuery) async throws -> [Order]
    /// The order with this storefront order number.
    func order(number: String) async throws -> Order?
    /// The order with this id.
    func order(id: String) async throws -> Order?
    /// The product with this SKU.
    func product(sku: String) async throws -> Product?
    /// Products whose name holds at least one of these adjacent word pairs (``TextWords/pairs(_:)``), the ones
    /// sharing most pairs first, at most `limit`: how goods named in free text are found in the catalogue.
    func products(sharingPairs pairs: [String], limit: Int) async throws -> [Product]
    /// Every supplier (a short list).
    func suppliers() async throws -> [Supplier]
    /// The purchase order with this number.
    func purchaseOrder(number: String) async throws -> PurchaseOrder?
    /// Purchase orders of one supplier (by supplier name as on the PO).
    func purchaseOrders(supplier: String) async throws -> [PurchaseOrder]
    /// Invoices already received from a supplier with this number (normalised comparison).
    func seenInvoice(supplier: String, invoiceNumber: String) async throws -> SeenInvoice?
}
