import CCurlShim
import Foundation
import Synchronization
import TriageCore

/// One HTTP exchange on a libcurl easy handle: its options, the reply gathered by libcurl's callbacks on the
/// transfer loop's thread, and the caller waiting for it.
final class CurlTransfer: @unchecked Sendable {
    // Unchecked: the handle, the header list and the reply buffers are touched only on `CurlMulti`'s loop thread
    // after `start`; `outcome` and `cancelled` are behind a mutex.

    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var body = Data()
    private var headers: [String: String] = [:]
    private let waiter = Mutex<CheckedContinuation<Result<HTTPReply, TransportError>, Never>?>(nil)
    private let cancelled = Mutex(false)

    /// A transfer for `request` (`method` POST sends its body), bounded by the request's timeout.
    init?(_ request: HTTPPost, method: String) {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        let timeoutMS = max(1, Int(request.timeout.seconds * 1_000))
        ccurl_setopt_string(handle, CURLOPT_URL, request.url.absoluteString)
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMS)
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(timeoutMS, 10_000))
        // Redirects are answered as they are: the API key is never re-sent to a host nobody configured.
        ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        if method == "POST" {
            ccurl_setopt_long(handle, CURLOPT_POST, 1)
            ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, request.body.count)
            // COPYPOSTFIELDS copies the body: the Data need not outlive this call.
            if request.body.isEmpty {
                ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            } else {
                request.body.withUnsafeBytes { bytes in
                    _ = ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                }
            }
        } else {
            ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        }
        // No "Expect: 100-continue" round trip before a large body.
        for line in request.headers.map({ "\($0.key): \($0.value)" }) + ["Expect:"] {
            headerList = curl_slist_append(headerList, line)
        }
        ccurl_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList))
        let context = Unmanaged.passUnretained(self).toOpaque()
        ccurl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, Self.bodyCallback)
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        ccurl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, Self.headerCallback)
        ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
    }

    /// Sets who waits for the outcome; false when the caller was cancelled first.
    func wait(with continuation: CheckedContinuation<Result<HTTPReply, TransportError>, Never>) -> Bool {
        guard !cancelled.withLock({ $0 }) else {
            continuation.resume(returning: .failure(.cancelled))
            return false
        }
        waiter.withLock { $0 = continuation }
        return true
    }

    /// Marks the transfer cancelled (the loop removes it) and answers its caller at once.
    func cancel() {
        cancelled.withLock { $0 = true }
        finish(.failure(.cancelled))
    }

    /// Answers the caller once; later calls do nothing.
    func finish(_ outcome: Result<HTTPReply, TransportError>) {
        waiter.withLock { waiter in
            waiter?.resume(returning: outcome)
            waiter = nil
        }
    }

    /// The outcome of the finished transfer, from libcurl's result code.
    func outcome(_ code: CURLcode) -> Result<HTTPReply, TransportError> {
        guard code == CURLE_OK else { return .failure(Self.transportError(code)) }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPReply(status: status, headers: headers, body: body))
    }

    /// Maps a libcurl error to a transport error: time-outs apart from every way a connection can fail. The
    /// reason never holds the URL or the body.
    static func transportError(_ code: CURLcode) -> TransportError {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: .timeout
        case CURLE_COULDNT_CONNECT: .connection(reason: "cannot connect to host")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .connection(reason: "cannot find host")
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE:
            .connection(reason: "connection lost")
        case CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM: .connection(reason: "bad server response")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE:
            .connection(reason: "TLS failure")
        default: .connection(reason: "curl error \(code.rawValue): \(String(cString: curl_easy_strerror(code)))")
        }
    }

    private static let bodyCallback: ccurl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        transfer.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size * count)
        return size * count
    }

    private static let headerCallback: ccurl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            transfer.headers = [:]  // a new response (after a 100 Continue): its headers only
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            transfer.headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return size * count
    }
}
