import Glibc

/// Hostile server replies from a seed: what a broken proxy, a fork with bugs or an
/// attacker on the port could send. The same seed always gives the same bytes.
enum HostileReply {
    static func write(seed: UInt64, to fd: Int32, stopped: () -> Bool) {
        var random = SplitMix64(seed: seed)
        func put(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } > 0
        }
        let handshake = random.next() % 2 == 0
        if handshake { _ = put("+OK\r\n+PONG\r\n") }
        let deadline = MonotonicNanos.now() + 4_000_000_000
        // The seed picks the kind, so a run of consecutive seeds covers every kind.
        switch seed % 9 {
        case 0:  // a count that cannot be real, then silence
            _ = put("*\(2_147_483_647 - Int(random.next() % 1000))\r\n")
        case 1:  // nested huge counts
            let depth = 1 + Int(random.next() % 9)
            _ = put(String(repeating: "*2147483647\r\n", count: depth))
        case 2:  // a fitting count, then tiny elements forever
            _ = put("*\(100_000 + Int(random.next() % 800_000))\r\n")
            while !stopped() && MonotonicNanos.now() < deadline { if !put(String(repeating: ":1\r\n", count: 4096)) { return } }
        case 3:  // an endless bulk string
            _ = put("$\(1 + Int(random.next() % 4_000_000_000))\r\n")
            while !stopped() && MonotonicNanos.now() < deadline { if !put(String(repeating: "x", count: 65_536)) { return } }
        case 4:  // garbage bytes
            var bytes = [UInt8](repeating: 0, count: 1 + Int(random.next() % 4096))
            for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: random.next()) }
            _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        case 5:  // deep nesting of small arrays
            _ = put(String(repeating: "*1\r\n", count: 1 + Int(random.next() % 64)) + ":1\r\n")
        case 6:  // a negative or absurd length
            _ = put(["$-5\r\n", "*-2\r\n", "$99999999999999999999\r\n", "*1a\r\n"][Int(random.next() % 4)])
        case 7:  // a header hidden behind a bare LF, which is no line end to hiredis
            _ = put("*2\r\n+x\n$13\r\n" + String(repeating: "*2147483647\r\n", count: 1 + Int(random.next() % 7)))
        default:  // an endless error line
            _ = put("-ERR ")
            while !stopped() && MonotonicNanos.now() < deadline { if !put(String(repeating: "e", count: 65_536)) { return } }
        }
    }
}

enum MonotonicNanos {
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
