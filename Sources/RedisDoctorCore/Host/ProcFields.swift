/// The `Name:  value [kB]` lines of /proc/PID/status and /proc/meminfo.
public struct ProcFields: Sendable, Equatable {
    private var values: [String: String] = [:]

    /// Lines without a colon are ignored; the first of a repeated name wins. At most
    /// 1,000 lines are read: the real files have about 60.
    public init(parsing text: String) {
        // isNewline: a CRLF is one Character, which a split on "\n" would miss.
        for line in text.split(maxSplits: 1000, omittingEmptySubsequences: true, whereSeparator: \.isNewline).prefix(1000) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            guard values[name] == nil else { continue }
            values[name] = String(line[line.index(after: colon)...]).trimmingSpaces
        }
    }

    public func text(_ name: String) -> String? { values[name] }

    /// A quantity in bytes: `123 kB` (the kernel's kB are KiB) or a plain number.
    public func bytes(_ name: String) -> Double? {
        guard let value = values[name] else { return nil }
        let words = value.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, let n = Double(first), n.isFinite, n >= 0 else { return nil }
        if words.count == 2, words[1] == "kB" { return n * 1024 }
        return words.count == 1 ? n : nil
    }

    /// A plain whole number (`THP_enabled: 1`).
    public func integer(_ name: String) -> Int? {
        values[name].flatMap { Int($0) }
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
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close,
              let pid = Int(String(text[..<open]).trimmingSpaces) else { return nil }
        let rest = text[text.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        guard rest.count >= 20, let state = rest[0].first, rest[0].count == 1,
              let parent = Int(rest[1]), let start = Double(rest[19]) else { return nil }
        self.pid = pid
        self.command = String(text[text.index(after: open)..<close])
        self.state = state
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
        for line in text.split(separator: "\n", maxSplits: 100).prefix(100) {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            if parts[0] == "0" && parts[1].isEmpty { v2 = String(parts[2]) }
            if parts[1].split(separator: ",").contains("memory") { v1Memory = String(parts[2]) }
        }
    }
}
