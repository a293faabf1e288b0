import Crypto
import Foundation
import TriageCore

/// One Adyen-style notification item: verified with the HMAC Adyen defines (HMAC-SHA256 under the hex key, over
/// `pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success`,
/// base64 in `additionalData.hmacSignature`) and turned into a payment-drift exception.
struct AdyenNotification {
    let item: [String: JSONValue]

    /// The signing string Adyen's HMAC covers.
    var signingString: String {
        let amount = item["amount"]?.object ?? [:]
        return [
            item["pspReference"]?.text, item["originalReference"]?.text, item["merchantAccountCode"]?.text,
            item["merchantReference"]?.text, amount["value"]?.text, amount["currency"]?.text, item["eventCode"]?.text,
            item["success"]?.text,
        ].map { $0 ?? "" }.joined(separator: ":")
    }

    /// Checks the item's signature under `hexKey`, in constant time.
    func verify(hexKey: String) throws(WebhookRejection) {
        guard let sent = item["additionalData"]?["hmacSignature"]?.text, let signature = Data(base64Encoded: sent),
            let key = Hex.bytes(hexKey)
        else { throw .missingSignature }
        guard HMAC<SHA256>.isValidAuthenticationCode(
            signature, authenticating: Data(signingString.utf8), using: SymmetricKey(data: key))
        else { throw .badSignature }
    }

    /// The signature a sender computes (for tests and tools).
    func signature(hexKey: String) -> String? {
        guard let key = Hex.bytes(hexKey) else { return nil }
        let code = HMAC<SHA256>.authenticationCode(for: Data(signingString.utf8), using: SymmetricKey(data: key))
        return Data(code).base64EncodedString()
    }

    /// What makes a notification one event, all of it signed: Adyen sends the same `pspReference`, `eventCode`
    /// and `success` again when it retries, and `eventDate` is not covered by the HMAC, so a replay is recognised
    /// by these and never by a date a sender can rewrite.
    var replayKey: String {
        [item["pspReference"]?.text, item["eventCode"]?.text, item["success"]?.text].map { $0 ?? "" }
            .joined(separator: ":")
    }

    /// The exception: the gateway's status for the order (authorised, captured, refused, cancelled). Nil for an
    /// item that names no order (`merchantReference` empty or absent, as in `REPORT_AVAILABLE`): Adyen sends those
    /// on the same endpoint and expects `[accepted]`, so they are acknowledged and stored as nothing.
    /// `now` dates an item whose `eventDate` is missing or unreadable.
    func exception(now: Date) throws(FieldError) -> NewException? {
        guard let psp = item["pspReference"]?.text, !psp.isEmpty else {
            throw FieldError(field: "pspReference", message: "is required")
        }
        guard let code = item["eventCode"]?.text, !code.isEmpty else {
            throw FieldError(field: "eventCode", message: "is required")
        }
        guard let order = item["merchantReference"]?.text, !order.isEmpty else { return nil }
        let success = item["success"]?.text == "true"
        let status: String =
            switch code {
            case "AUTHORISATION": success ? "authorised" : "refused"
            case "CAPTURE": success ? "captured" : "capture_failed"
            case "CANCELLATION": "cancelled"
            default: code.lowercased()
            }
        var payload: [String: JSONValue] = [
            "gateway": "adyen", "gateway_status": .string(status), "psp_reference": .string(psp),
        ]
        if let amount = item["amount"]?.object {
            payload["gateway_amount_minor"] = amount["value"]
            payload["gateway_currency"] = amount["currency"]
        }
        return NewException(
            source: "gateway", eventID: "adyen:\(psp):\(code)" + (success ? "" : ":failed"), kind: .paymentDrift, reason: "gateway_" + status,
            occurredAt: item["eventDate"]?.text.flatMap(ISODate.parse) ?? now, orderNumber: IdentifierText.orderNumber(order),
            handlingMinutes: nil, text: nil, payload: payload)
    }
}
