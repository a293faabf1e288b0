import Foundation
import Hummingbird
import TriageCore

/// `GET /healthz`, for load balancers and systemd watchdogs: 200 `{"status":"ok","version":…}` when the store
/// answers a read, 503 naming the failure when it does not. No sign-in; it shows nothing about cards.
enum HealthEndpoint {
    static func register(on router: Router<TriageRequestContext>, store: any ReviewStore) {
        router.get("healthz") { _, _ in
            do {
                _ = try await store.gatedCounts()
                return try Responses.json(Health(status: "ok", version: TriageVersion.current, error: nil))
            } catch {
                return try Responses.json(
                    Health(status: "unavailable", version: TriageVersion.current, error: "the store does not answer"),
                    status: .serviceUnavailable)
            }
        }
    }

    struct Health: Encodable {
        var status: String
        var version: String
        var error: String?
    }
}
