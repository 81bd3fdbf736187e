/// The `Name:  value [kB]` lines of /proc/PID/status and /proc/meminfo.
///
/// Read as bytes, not Characters: a check reads three of these on every run, and
/// grapheme-by-grapheme splitting cost more than the rest of the check (callgrind).
public struct ProcFields: Sendable, Equatable {
    /// Names and values in file order; a repeated name's first value wins on lookup.
    private var names: [String] = []
    private var values: [String] = []

    /// Lines without a colon are ignored. At most 1,000 lines are read: the real files have about 60.
    public init(parsing text: String) {
        var names: [String] = []
        var values: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count && names.count < 1000 {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                var colon = start
                while colon < end && bytes[colon] != 0x3A { colon += 1 }
                if colon < end {
                    var from = colon + 1
                    var to = end
                    while from < to && Self.isBlank(bytes[from]) { from += 1 }
                    while to > from && Self.isBlank(bytes[to - 1]) { to -= 1 }
                    names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<colon]), as: UTF8.self))
                    values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self))
                }
                start = end + 1
            }
        }
        self.names = names
        self.values = values
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    public func text(_ name: String) -> String? {
        names.firstIndex(of: name).map { values[$0] }
    }

    /// A quantity in bytes: `123 kB` (the kernel's kB are KiB) or a plain number.
    public func bytes(_ name: String) -> Double? {
        guard let value = text(name) else { return nil }
        let words = value.utf8.split(separator: 0x20, omittingEmptySubsequences: true)
        guard let first = words.first, let n = Double(String(decoding: first, as: UTF8.self)), n.isFinite, n >= 0 else { return nil }
        if words.count == 2, words[1].elementsEqual("kB".utf8) { return n * 1024 }
        return words.count == 1 ? n : nil
    }

    /// A plain whole number (`THP_enabled: 1`).
    public func integer(_ name: String) -> Int? {
        text(name).flatMap { Int($0) }
    }

    /// The `btime` line of /proc/stat: when the host booted, in seconds since the epoch.
    /// /proc/stat's `intr` line runs to kilobytes; it is scanned as bytes.
    public static func bootTime(procStat text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes -> Double? in
            let key = Array("btime ".utf8)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                if end - start > key.count, bytes[start..<(start + key.count)].elementsEqual(key) {
                    return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + key.count)..<end]), as: UTF8.self))
                }
                start = end + 1
            }
            return nil
        }
    }
}

/// /proc/PID/stat: the fields after the command name, which is in parentheses and may
/// itself hold spaces and parentheses, so the last `)` ends it.
public struct ProcStat: Sendable, Equatable {
    public var pid: Int
    public var command: String
    /// R running, S sleeping, D uninterruptible (waiting on I/O), T stopped, Z zombie.
    public var state: Character
    public var parentPid: Int
    /// When the process started, in clock ticks after boot (field 22).
    public var startTicks: Double

    public init?(parsing text: String) {
        let bytes = Array(text.utf8.prefix(4096))
        guard let open = bytes.firstIndex(of: 0x28), let close = bytes.lastIndex(of: 0x29), open < close,
              let pid = Int(String(decoding: bytes[..<open], as: UTF8.self).trimmingSpaces) else { return nil }
        let rest = bytes[(close + 1)...].split(separator: 0x20, maxSplits: 21, omittingEmptySubsequences: true)
        guard rest.count >= 20, rest[0].count == 1, let parent = Int(String(decoding: rest[1], as: UTF8.self)),
              let start = Double(String(decoding: rest[19], as: UTF8.self)) else { return nil }
        self.pid = pid
        self.command = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        self.state = Character(Unicode.Scalar(rest[0].first!))
        self.parentPid = parent
        self.startTicks = start
    }

    /// The state letter as /proc/PID/status words it.
    public var stateText: String {
        switch state {
        case "R": return "R (running)"
        case "S": return "S (sleeping)"
        case "D": return "D (uninterruptible sleep: waiting on I/O)"
        case "T": return "T (stopped)"
        case "t": return "t (stopped by a tracer)"
        case "Z": return "Z (zombie)"
        default: return String(state)
        }
    }
}

/// The memory controller's group of a process, from /proc/PID/cgroup: the v2 line
/// (`0::/system.slice/redis.service`) and the v1 memory line (`4:memory:/docker/abc`).
public struct CgroupMembership: Sendable, Equatable {
    public var v2: String?
    public var v1Memory: String?

    public init(parsing text: String) {
        for line in text.utf8.split(separator: 0x0A, maxSplits: 100).prefix(100) {
            let parts = line.split(separator: 0x3A, maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let path = String(decoding: parts[2], as: UTF8.self).trimmingSpaces
            if parts[0].elementsEqual("0".utf8) && parts[1].isEmpty { v2 = path }
            if parts[1].split(separator: 0x2C).contains(where: { $0.elementsEqual("memory".utf8) }) { v1Memory = path }
        }
    }
}
