import Foundation

/// How the review server runs: address, webhook secrets, lock and session lengths.
public struct ServerSettings: Sendable {
    /// The address to bind; loopback unless the operator says otherwise.
    public var host: String
    /// The port; 0 lets the system choose (tests).
    public var port: Int
    /// Shopify-style shared secret (`X-Shopify-Hmac-Sha256`); nil refuses that webhook.
    public var shopifySecret: String?
    /// Adyen HMAC key, hex as Adyen shows it; nil refuses that webhook.
    public var adyenHMACKey: String?
    /// The returns app's shared secret (`X-Triage-Signature: t=…,v1=…`); nil refuses that webhook.
    public var returnsSecret: String?
    /// Stripe's endpoint signing secret (`whsec_…`, for `Stripe-Signature: t=…,v1=…`); nil refuses that webhook.
    public var stripeSecret: String?
    /// How old (or how far in the future) a webhook event may be, seconds.
    public var replayWindow: Double
    /// How long opening a card locks it to the reviewer, seconds.
    public var lockSeconds: Double
    /// How long a login lasts, seconds.
    public var sessionSeconds: Double
    /// Mark cookies `Secure` (behind HTTPS).
    public var secureCookies: Bool
    /// Authorities (`triage.example.com`, `reviews.shop:8443`) browsers reach this server by, behind a proxy:
    /// an `Origin` naming one of them is this server's.
    public var publicOrigins: [String] = []
    /// Seconds a connection may sit without a complete request (a slow-header client) before it is closed.
    public var idleSeconds: Double = 30

    /// Creates settings.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, shopifySecret: String? = nil, adyenHMACKey: String? = nil,
        returnsSecret: String? = nil, stripeSecret: String? = nil, replayWindow: Double = 300, lockSeconds: Double = 600,
        sessionSeconds: Double = 12 * 3600, secureCookies: Bool = false
    ) {
        self.host = host
        self.port = port
        self.shopifySecret = shopifySecret
        self.adyenHMACKey = adyenHMACKey
        self.returnsSecret = returnsSecret
        self.stripeSecret = stripeSecret
        self.replayWindow = replayWindow
        self.lockSeconds = lockSeconds
        self.sessionSeconds = sessionSeconds
        self.secureCookies = secureCookies
    }
}
