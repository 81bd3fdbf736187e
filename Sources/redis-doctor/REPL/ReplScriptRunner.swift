import Glibc
import RedisDoctorCore

/// stdin is not a terminal: read lines and run them as redis-cli does, printing raw replies.
/// No prompt, no confirmations. Exit 0, or 2 as soon as the server cannot be reached
/// (the remaining lines are not sent).
struct ReplScriptRunner {
    var session: ReplSession
    var readOnly: Bool

    func run() -> ExitStatus {
        let dispatcher = ReplDispatcher(session: session, interactive: false, readOnly: readOnly)
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var atEnd = false
        while true {
            if let newline = pending.firstIndex(of: 0x0A) ?? (atEnd && !pending.isEmpty ? pending.count : nil) {
                var lineBytes = Array(pending[..<newline])
                pending.removeFirst(min(newline + 1, pending.count))
                if lineBytes.last == 0x0D { lineBytes.removeLast() }
                switch dispatcher.run(String(decoding: lineBytes, as: UTF8.self)) {
                case .next: continue
                case .quit: return .ok
                case .connectionFailed: return .unreachable
                }
            }
            if atEnd { return .ok }
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { atEnd = true } else { pending += buffer[0..<n] }
        }
    }
}
