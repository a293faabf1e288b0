import ArgumentParser
import Foundation
import TriageMetrics
import Hummingbird
import Logging
import ServiceLifecycle
import TriageServer

/// `triage serve`: the reviewer page, the JSON API and the signed webhooks.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the reviewer page, /api/v1 and the webhooks (loopback by default).",
        discussion: """
            Webhook secrets come from the environment: TRIAGE_SHOPIFY_SECRET, TRIAGE_ADYEN_HMAC_KEY (hex),
            TRIAGE_RETURNS_SECRET, TRIAGE_STRIPE_SECRET. A webhook without its secret answers 503. Sign in with a token from
            `triage users add`.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesOptions

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind (0: any free port, printed on start).")
    var port = 8080

    @Option(help: "Seconds a webhook event may be old.")
    var replayWindow: Double = 300

    @Option(help: "Seconds opening a card locks it to the reviewer.")
    var lockSeconds: Double = 600

    @Flag(help: "Mark cookies Secure (when served behind HTTPS).")
    var secureCookies = false

    @Option(help: "An authority browsers reach this server by behind a proxy (host or host:port); repeatable.")
    var publicOrigin: [String] = []

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535 (0: any free port), got \(port)") }
    }

    func run() async throws {
        let logger = Self.logger
        let environment = ProcessInfo.processInfo.environment
        var configured = ServerSettings(
            host: host, port: port, shopifySecret: environment["TRIAGE_SHOPIFY_SECRET"],
            adyenHMACKey: environment["TRIAGE_ADYEN_HMAC_KEY"], returnsSecret: environment["TRIAGE_RETURNS_SECRET"],
            stripeSecret: environment["TRIAGE_STRIPE_SECRET"],
            replayWindow: replayWindow, lockSeconds: lockSeconds, secureCookies: secureCookies)
        configured.publicOrigins = publicOrigin.map { $0.components(separatedBy: "://").last ?? $0 }
        let (rules, settings, store, host, port) = (try rules.load(), configured, store, host, port)
        if let warning = Self.exposureWarning(host: host, secureCookies: secureCookies) { printError(warning) }
        try await store.withServeStore(waitForServer: true) { database in
            let context = ReviewContext(
                store: database, routing: database, table: rules, settings: settings, logger: logger,
                operations: database, processMetrics: ProcessMetrics.bootstrap())
            let pending = try await ReviewServer.routePending(context)
            if pending > 0 { print("triage serve: routed \(pending) stored exception(s) that had no card") }
            let app = try ReviewServer.application(context) { port in
                let line = "triage serve: http://\(host):\(port)/ (database \(store.displayName)); Ctrl-C stops\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
            let group = ServiceGroup(
                configuration: .init(
                    services: [app, context.webhookRouter], gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger))
            do {
                try await group.run()
            } catch where Self.isAddressInUse(error) {
                throw CLIError(
                    "port \(port) on \(host) is already in use: stop the process holding it, or pick another with --port")
            }
        }
    }

    private static var logger: Logger {
        var logger = Logger(label: "triage.serve")
        logger.logLevel = .info
        return logger
    }

    /// A warning for an address other machines can reach: tokens and session cookies then cross the network, so it
    /// belongs behind HTTPS; nil for loopback.
    static func exposureWarning(host: String, secureCookies: Bool) -> String? {
        guard !["127.0.0.1", "::1", "localhost"].contains(host.lowercased()) else { return nil }
        let cookies = secureCookies ? "" : ", and pass --secure-cookies"
        return "triage serve: warning: listening on \(host), reachable from other machines. Sign-in tokens and session "
            + "cookies cross the network: serve it behind an HTTPS reverse proxy (docs/deployment.md)\(cookies)."
    }

    /// True for the bind failure a second server on the same port gets (EADDRINUSE), however NIO wraps it.
    static func isAddressInUse(_ error: any Error) -> Bool {
        let text = String(describing: error)
        return text.contains("Address already in use") || text.contains("errno: \(EADDRINUSE)")
    }
}
