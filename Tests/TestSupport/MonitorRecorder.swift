import Foundation
import Glibc

/// Records every command a server executes, through a MONITOR connection of its own.
public final class MonitorRecorder: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var buffer: [UInt8] = []

    public init(port: Int) throws {
        guard let fd = RawSocket.connectLoopback(port: port) else { throw CocoaError(.fileReadUnknown) }
        self.fd = fd
        _ = Array("MONITOR\r\n".utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let thread = Thread { [self] in
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = recv(fd, &chunk, chunk.count, 0)
                if n <= 0 { return }
                lock.lock()
                buffer += chunk[0..<n]
                lock.unlock()
            }
        }
        thread.start()
        usleep(100_000)
    }

    deinit { shutdown(fd, Int32(SHUT_RDWR)); close(fd) }

    /// The command names seen so far, upper-cased, with the subcommand for container commands.
    /// MONITOR lines look like `+1700000000.123456 [0 127.0.0.1:5555] "CONFIG" "GET" "*"`.
    public func commands() -> [String] {
        lock.lock()
        let text = String(decoding: buffer, as: UTF8.self)
        lock.unlock()
        // CRLF lines: "\r\n" is one Character in Swift, so split on isNewline, not "\n".
        return text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            guard let close = line.firstIndex(of: "]") else { return nil }
            let words = line[line.index(after: close)...].split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
            guard let first = words.first?.uppercased() else { return nil }
            let containers: Set<String> = ["CONFIG", "CLIENT", "SLOWLOG", "LATENCY", "CLUSTER", "MEMORY", "COMMAND"]
            if containers.contains(first), words.count > 1 { return first + " " + words[1].uppercased() }
            return first
        }
    }
}
