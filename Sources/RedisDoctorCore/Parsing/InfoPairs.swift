/// A dictionary-style INFO value (`ip=::1,port=6380,state=online`) split on
/// `,` then on the FIRST `=`.
///
/// Order and repeated sub-keys (`bind=*,bind=-::*`) are kept. Items without
/// `=` (Redis 2.6 `slave0:127.0.0.1,6380,online`, Dragonfly `0,0,0`) are kept
/// as positional items, so old forms stay readable.
public struct InfoPairs: Sendable, Equatable {
    public struct Pair: Sendable, Equatable {
        public var key: String
        public var value: String
    }

    public private(set) var pairs: [Pair] = []
    public private(set) var positional: [String] = []

    /// Items kept at most: real values have fewer than 20; a hostile `a,a,a...` line
    /// of 30 MB would otherwise become 15 million strings.
    public static let maximumItems = 64

    public init(parsing value: String) {
        for item in value.utf8.split(separator: Bytes.comma, maxSplits: Self.maximumItems, omittingEmptySubsequences: true).prefix(Self.maximumItems) {
            if let eq = item.firstIndex(of: Bytes.equals) {
                pairs.append(Pair(
                    key: String(decoding: item[item.startIndex..<eq], as: UTF8.self),
                    value: String(decoding: item[item.index(after: eq)...], as: UTF8.self)))
            } else {
                positional.append(String(decoding: item, as: UTF8.self))
            }
        }
    }

    /// The first value of `key`.
    public subscript(key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// Every value of `key` (`bind` in `listener0`).
    public func values(_ key: String) -> [String] {
        pairs.filter { $0.key == key }.map(\.value)
    }

    /// The first value of `key` as an integer (blanks tolerated).
    public func int(_ key: String) -> Int64? {
        self[key].flatMap { Int64(Bytes.trimBlanks($0[...])) }
    }

    /// The first value of `key` as a number (blanks tolerated).
    public func double(_ key: String) -> Double? {
        self[key].flatMap { InfoNumber.parse($0) }
    }
}

extension Info {
    /// The dictionary split of the first value of `key`, or nil when absent.
    public func pairs(_ key: String) -> InfoPairs? {
        value(key).map(InfoPairs.init(parsing:))
    }
}
