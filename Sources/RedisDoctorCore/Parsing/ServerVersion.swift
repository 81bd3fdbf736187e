/// A dotted version number (`7.2.6`, `df-v2.0.0`, `2.8.2402`), compared numerically.
public struct ServerVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// At least three components; missing ones are 0.
    public var components: [Int]

    public init(_ major: Int, _ minor: Int = 0, _ patch: Int = 0) {
        components = [major, minor, patch]
    }

    /// Reads the first run of `digits(.digits)*` in `text`, skipping any
    /// prefix such as `df-v`. Nil when there is no digit.
    public init?(parsing text: String) {
        var parts: [Int] = []
        var current: Int? = nil
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                let digit = Int(byte - 0x30)
                let (value, overflow) = (current ?? 0).multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                current = value + digit
            } else if byte == 0x2E, let value = current {
                parts.append(value)
                current = nil
            } else if current != nil || !parts.isEmpty {
                break
            }
        }
        if let current { parts.append(current) }
        guard !parts.isEmpty else { return nil }
        while parts.count < 3 { parts.append(0) }
        components = parts
    }

    public var major: Int { components[0] }
    public var minor: Int { components[1] }
    public var patch: Int { components[2] }

    public static func < (lhs: ServerVersion, rhs: ServerVersion) -> Bool {
        let count = max(lhs.components.count, rhs.components.count)
        for i in 0..<count {
            let a = i < lhs.components.count ? lhs.components[i] : 0
            let b = i < rhs.components.count ? rhs.components[i] : 0
            if a != b { return a < b }
        }
        return false
    }

    public static func == (lhs: ServerVersion, rhs: ServerVersion) -> Bool {
        !(lhs < rhs) && !(rhs < lhs)
    }

    public func hash(into hasher: inout Hasher) {
        var trimmed = components
        while trimmed.count > 3, trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }

    public var description: String { components.map(String.init).joined(separator: ".") }
}
