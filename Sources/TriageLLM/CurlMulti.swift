import CCurlShim
import Foundation
import Synchronization

/// libcurl's multi interface on a thread of its own: every transfer of the process runs here, and between events the
/// thread sleeps in `curl_multi_poll` until a socket is ready, a transfer's timer is due, or `curl_multi_wakeup` says
/// there is new work. Waiting for a slow model therefore costs no CPU (URLSession on Linux polled with a zero timeout,
/// about 40 % of a core per waiting worker).
final class CurlMulti: @unchecked Sendable {
    // Unchecked: `multi` and `running` are used on the loop thread only; `commands` is behind a mutex, and
    // `curl_multi_wakeup` is documented as callable from any thread.

    /// The process's transfer loop, started on first use.
    static let shared = CurlMulti()

    private enum Command {
        case start(CurlTransfer)
        case cancel(CurlTransfer)
    }

    private let multi: UnsafeMutableRawPointer
    private let commands = Mutex<[Command]>([])
    private var running: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    private init() {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        multi = curl_multi_init()
        let thread = Thread { [self] in loop() }
        thread.name = "triage.curl"
        thread.start()
    }

    /// Sends `request` and waits (without holding a thread) for its reply; cancelling the caller cancels it.
    func send(_ request: HTTPPost, method: String) async -> Result<HTTPReply, TransportError> {
        guard let transfer = CurlTransfer(request, method: method) else {
            return .failure(.connection(reason: "libcurl could not make a handle"))
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if transfer.wait(with: continuation) { submit(.start(transfer)) }
            }
        } onCancel: {
            transfer.cancel()
            submit(.cancel(transfer))
        }
    }

    private func submit(_ command: Command) {
        commands.withLock { $0.append(command) }
        curl_multi_wakeup(multi)
    }

    private func loop() {
        var active: Int32 = 0
        while true {
            for command in commands.withLock({ queued in defer { queued = [] }; return queued }) {
                switch command {
                case .start(let transfer):
                    running[transfer.handle] = transfer
                    curl_multi_add_handle(multi, transfer.handle)
                case .cancel(let transfer):
                    guard running.removeValue(forKey: transfer.handle) != nil else { continue }
                    curl_multi_remove_handle(multi, transfer.handle)
                }
            }
            curl_multi_perform(multi, &active)
            var left: Int32 = 0
            while let message = curl_multi_info_read(multi, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                    let transfer = running.removeValue(forKey: handle)
                else { continue }
                let result = ccurl_message_result(message)
                curl_multi_remove_handle(multi, handle)
                transfer.finish(transfer.outcome(result))
            }
            // Sleeps until a socket or a timer needs libcurl, or `submit` wakes it; at most a second.
            curl_multi_poll(multi, nil, 0, 1_000, nil)
        }
    }
}
