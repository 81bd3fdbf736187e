import Glibc
import RedisDoctorCore

/// stdin is not a terminal: read lines and run them as redis-cli does, printing raw replies.
/// No prompt, no confirmations. Exit 0, or 2 as soon as the server cannot be reached
/// (the remaining lines are not sent).
struct ReplScriptRunner {
    var session: ReplSession
    var readOnly: Bool

    /// A longer line is not a command anyone typed: it is skipped with a message, and the
    /// buffer never grows past this (a 300 MB line without a newline).
    static let maximumLineBytes = 16 * 1024 * 1024

    func run() -> ExitStatus {
        let dispatcher = ReplDispatcher(session: session, interactive: false, readOnly: readOnly)
        var pending: [UInt8] = []
        // Where the current line starts, and how far it has been searched for a newline:
        // each byte is scanned once, however the input is split into reads.
        var start = 0
        var scanned = 0
        var discarding = false
        var lineNumber = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var atEnd = false
        while true {
            if let newline = pending[scanned...].firstIndex(of: 0x0A) ?? (atEnd && start < pending.count ? pending.count : nil) {
                lineNumber += 1
                var lineBytes = Array(pending[start..<newline])
                start = min(newline + 1, pending.count)
                scanned = start
                if discarding {
                    discarding = false
                    continue
                }
                if lineBytes.last == 0x0D { lineBytes.removeLast() }
                switch dispatcher.run(String(decoding: lineBytes, as: UTF8.self)) {
                case .next: continue
                case .quit: return .ok
                case .connectionFailed: return .unreachable
                }
            }
            scanned = pending.count
            if pending.count - start > Self.maximumLineBytes {
                if !discarding { Terminal.error("line \(lineNumber + 1) is longer than \(Self.maximumLineBytes >> 20) MiB; skipped") }
                discarding = true
                start = pending.count
                scanned = start
            }
            // Drop consumed bytes once they dominate the buffer, so compaction stays linear.
            if start > 0 && start >= pending.count / 2 {
                pending.removeFirst(start)
                scanned -= start
                start = 0
            }
            if atEnd { return .ok }
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { atEnd = true } else { pending += buffer[0..<n] }
        }
    }
}
