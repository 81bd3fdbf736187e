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
        /// Sends `text` as soon as a client connects, then closes (maxclients, protected mode).
        case greeting(String)
        /// Answers each command by its name (`PING`, `INFO`, `CLIENT SETNAME`, upper-case):
        /// a reply text, or a `FaultAnswer` action. Unlisted commands get `+OK`.
        case scripted([String: FaultAnswer])
        /// After the first read, writes hostile bytes made from `seed` (huge counts, deep
        /// nesting, endless streams, garbage), the same for the same seed.
        case hostile(seed: UInt64)
    }

    public enum FaultAnswer: Sendable {
        case text(String)
        /// Never answers this command.
        case stall
        /// Sends `header`, then `element` again and again until the client goes away.
        case stream(header: String, element: String)
        /// Sends `text`, then closes the connection.
        case closeAfter(String)
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
        case .greeting(let text):
            sendText(text)
            shutdown(fd, Int32(SHUT_WR))
        case .scripted(let answers):
            serveScript(fd, answers)
        case .hostile(let seed):
            readSome()
            HostileReply.write(seed: seed, to: fd, stopped: { [self] in isStopped })
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

    private func serveScript(_ fd: Int32, _ answers: [String: FaultAnswer]) {
        var parser = CommandStreamParser()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !isStopped {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return }
            for argv in parser.feed(buffer[0..<n]) {
                var name = argv.first?.uppercased() ?? ""
                if ["CLIENT", "CONFIG", "SLOWLOG", "LATENCY", "CLUSTER"].contains(name), argv.count > 1 { name += " " + argv[1].uppercased() }
                switch answers[name] ?? answers[argv.first?.uppercased() ?? ""] ?? .text("+OK\r\n") {
                case .text(let text):
                    _ = Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                case .stall:
                    continue
                case .closeAfter(let text):
                    _ = Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    shutdown(fd, Int32(SHUT_WR))
                    return
                case .stream(let header, let element):
                    _ = Array(header.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    let chunk = Array(String(repeating: element, count: max(1, 65_536 / max(1, element.utf8.count))).utf8)
                    while !isStopped {
                        if chunk.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) <= 0 { return }
                    }
                    return
                }
            }
        }
    }
}

/// Splits the client's byte stream into commands (RESP arrays of bulk strings, or inline lines).
struct CommandStreamParser {
    private var pending: [UInt8] = []

    mutating func feed(_ bytes: ArraySlice<UInt8>) -> [[String]] {
        pending += bytes
        var out: [[String]] = []
        while let (argv, used) = parseOne() {
            out.append(argv)
            pending.removeFirst(used)
        }
        return out
    }

    private func line(from start: Int) -> (String, Int)? {
        var i = start
        while i + 1 < pending.count {
            if pending[i] == 0x0D && pending[i + 1] == 0x0A { return (String(decoding: pending[start..<i], as: UTF8.self), i + 2) }
            i += 1
        }
        return nil
    }

    private func parseOne() -> ([String], Int)? {
        guard let first = pending.first else { return nil }
        guard first == UInt8(ascii: "*") else {
            guard let (text, next) = line(from: 0) else { return nil }
            return (text.split(separator: " ").map(String.init), next)
        }
        guard let (countText, afterCount) = line(from: 1), let count = Int(countText) else { return nil }
        var index = afterCount
        var argv: [String] = []
        for _ in 0..<max(0, count) {
            guard index < pending.count, pending[index] == UInt8(ascii: "$"),
                  let (lengthText, afterLength) = line(from: index + 1), let length = Int(lengthText),
                  afterLength + length + 2 <= pending.count else { return nil }
            argv.append(String(decoding: pending[afterLength..<afterLength + length], as: UTF8.self))
            index = afterLength + length + 2
        }
        return (argv, index)
    }
}
