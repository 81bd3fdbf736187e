import Glibc
import RedisDoctorCore

/// Writes to stdout and stderr with plain write(2): no Foundation on the start-up path.
enum Terminal {
    static var stdoutIsTTY: Bool { isatty(1) == 1 }

    static func write(_ bytes: [UInt8], to fd: Int32 = 1) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    static func out(_ text: String) { write(Array(text.utf8), to: 1) }

    /// A reply in redis-cli's raw form on stdout; on a terminal its control bytes are escaped.
    static func outRaw(_ reply: RedisReply) {
        write(stdoutIsTTY ? ReplyFormatter.terminalSafe(ReplyFormatter.raw(reply)) : ReplyFormatter.raw(reply))
    }

    /// A line on stderr, prefixed with the program name.
    /// Control bytes (from a server or a file) are made visible, never sent to the terminal.
    static func error(_ text: String) { write(Array(("redis-doctor: " + OutputText.oneLine(text) + "\n").utf8), to: 2) }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
