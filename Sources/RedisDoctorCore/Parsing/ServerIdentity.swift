/// Which server implementation answered, and at which version.
public struct ServerIdentity: Sendable, Equatable {
    public enum Family: String, Sendable, CaseIterable {
        case redis, valkey, keydb, dragonfly, kvrocks, garnet, pika, memurai, unknown
    }

    public var family: Family
    /// The implementation's own version string (`valkey_version`, `dragonfly_version`, ...).
    public var version: String?
    /// `redis_version` as printed: on non-Redis servers a compatibility claim.
    public var redisVersion: String?
    /// `redis_mode` / Valkey `server_mode`: `standalone`, `cluster`, `sentinel`.
    public var mode: String?

    public var isSentinel: Bool { mode == "sentinel" }

    /// The Redis feature level the field set corresponds to, as best known.
    /// Redis/Memurai: `redis_version`. Valkey: `redis_version` (frozen at 7.2.4;
    /// Valkey is a superset of Redis 7.2). KeyDB 6.x: Redis 6.2 (it prints its
    /// OWN version in redis_version). Others: their compatibility claim.
    public var featureLevel: ServerVersion? {
        let claimed = redisVersion.flatMap(ServerVersion.init(parsing:))
        switch family {
        case .keydb:
            guard let claimed else { return nil }
            return claimed.major == 6 ? min(claimed, ServerVersion(6, 2, 0)) : claimed
        default:
            return claimed
        }
    }

    /// True when the server offers at least the Redis feature level given.
    /// Unknown version: false (rules then treat the feature as missing).
    public func redisVersionAtLeast(_ major: Int, _ minor: Int = 0, _ patch: Int = 0) -> Bool {
        guard let level = featureLevel else { return false }
        return level >= ServerVersion(major, minor, patch)
    }

    /// The parsed own version (`version`), if it has digits.
    public var parsedVersion: ServerVersion? { version.flatMap(ServerVersion.init(parsing:)) }
}

extension Info {
    /// Detects the implementation in the order of docs/redis-info-format.md §4:
    /// own-version keys first, KeyDB markers, then plain `redis_version`.
    public var serverIdentity: ServerIdentity {
        let redisVersion = value("redis_version").map { String(Bytes.trimBlanks($0[...])) }
        let mode = string(.redisMode)
        func identity(_ family: ServerIdentity.Family, _ version: String?) -> ServerIdentity {
            ServerIdentity(family: family, version: version, redisVersion: redisVersion, mode: mode)
        }
        let ownVersions: [(String, ServerIdentity.Family)] = [
            ("valkey_version", .valkey), ("dragonfly_version", .dragonfly),
            ("kvrocks_version", .kvrocks), ("garnet_version", .garnet),
            ("pika_version", .pika), ("memurai_version", .memurai),
        ]
        for (key, family) in ownVersions {
            if let version = value(key) { return identity(family, String(Bytes.trimBlanks(version[...]))) }
        }
        if section(named: "KeyDB") != nil || value("mvcc_depth") != nil || value("storage_provider") != nil {
            return identity(.keydb, redisVersion)
        }
        if value("server_name").map({ Bytes.trimBlanks($0[...]) == "valkey" }) == true {
            return identity(.valkey, redisVersion)
        }
        if let redisVersion { return identity(.redis, redisVersion) }
        return identity(.unknown, nil)
    }
}
