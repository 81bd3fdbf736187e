import Foundation
import Glibc

/// A small TCP server on 127.0.0.1 for faults redis-server cannot show.
public final class FaultServer: @unchecked Sendable {
    public enum Behavior: Sendable {
        /// Accepts and never answers.
        case silent
        /// Sends `payload` one byte every `intervalMilliseconds`: each read succeeds, the reply never ends in time.
        case trickle(payload: String, intervalMilliseconds: Int)
        /// Answers like a web server.
        case http
        /// Closes each connection at once.
        case closeAtOnce
        /// Sends a TLS alert record, as a TLS port does to plain text.
        case tlsAlert
        /// Sends fixed bytes after the first read, then keeps the connection open.
        case reply(String)
    }

    public let port: Int
    private let listener: Int32
    private let behavior: Behavior
    private let lock = NSLock()
    private var clients: [Int32] = []
    private var stopped = false

    public init(_ behavior: Behavior) throws {
        self.behavior = behavior
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        _ = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        listen(fd, 16)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        let open = clients
        clients = []
        lock.unlock()
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for fd in open {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        while !isStopped {
            let fd = accept(listener, nil, nil)
            if fd < 0 { return }
            lock.lock()
            clients.append(fd)
            lock.unlock()
            let thread = Thread { [self] in serve(fd) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        func sendText(_ text: String) { _ = Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
        func readSome() {
            var buffer = [UInt8](repeating: 0, count: 4096)
            _ = recv(fd, &buffer, buffer.count, 0)
        }
        switch behavior {
        case .silent:
            return
        case .closeAtOnce:
            close(fd)
        case .http:
            readSome()
            sendText("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        case .tlsAlert:
            readSome()
            let alert: [UInt8] = [0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]
            _ = alert.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        case .reply(let text):
            readSome()
            sendText(text)
        case .trickle(let payload, let interval):
            readSome()
            for byte in payload.utf8 {
                if isStopped { return }
                var b = byte
                if send(fd, &b, 1, Int32(MSG_NOSIGNAL)) <= 0 { return }
                usleep(UInt32(interval * 1000))
            }
        }
    }
}
