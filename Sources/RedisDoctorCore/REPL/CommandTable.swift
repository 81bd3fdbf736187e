/// The bundled command table: help, hints, completion and read-only judgement
/// when the server cannot answer COMMAND DOCS / COMMAND INFO (old, down, or ACL-restricted).
/// Summaries are our own words.
public enum CommandTable {
    public static let all: [CommandDoc] = strings + keys + collections + server + subcommandDocs

    /// Container commands whose second word is a subcommand.
    public static let containers: Set<String> = [
        "CLIENT", "CONFIG", "SLOWLOG", "LATENCY", "MEMORY", "CLUSTER", "ACL", "XINFO", "OBJECT", "COMMAND", "SCRIPT", "FUNCTION", "MODULE",
    ]

    /// The entry for a typed command: `["client", "list"]` finds `CLIENT LIST`, `["get", "k"]` finds `GET`.
    public static func lookup(_ argv: [String]) -> CommandDoc? {
        guard let first = argv.first?.uppercased() else { return nil }
        if argv.count > 1, containers.contains(first) {
            let name = first + " " + argv[1].uppercased()
            if let doc = byName[name] { return doc }
        }
        return byName[first]
    }

    /// The entry with exactly this name (`"CONFIG SET"`).
    public static func named(_ name: String) -> CommandDoc? { byName[name.uppercased()] }

    /// The subcommands of a container, sorted (`CLIENT` → `CLIENT GETNAME`, `CLIENT ID`, ...).
    public static func subcommands(of container: String) -> [CommandDoc] {
        let prefix = container.uppercased() + " "
        return all.filter { $0.name.hasPrefix(prefix) }.sorted { $0.name < $1.name }
    }

    static let byName: [String: CommandDoc] = {
        var map: [String: CommandDoc] = [:]
        for doc in all where map[doc.name] == nil { map[doc.name] = doc }
        return map
    }()

    private typealias C = CommandDoc
    private static let w: CommandDoc.Flags = .write
    private static let a: CommandDoc.Flags = .admin
    private static let d: CommandDoc.Flags = [.admin, .dangerous]

    static let strings: [CommandDoc] = [
        C("GET", "key", "Read the string value of a key.", "O(1)", since: "1.0.0"),
        C("SET", "key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time|PXAT unix-time-ms|KEEPTTL]", "Set a string value, optionally with an expiry and a condition.", "O(1)", since: "1.0.0", w),
        C("MGET", "key [key ...]", "Read several string values at once.", "O(N) for N keys", since: "1.0.0"),
        C("MSET", "key value [key value ...]", "Set several string values atomically.", "O(N) for N keys", since: "1.0.1", w),
        C("SETNX", "key value", "Set a value only when the key does not exist.", "O(1)", since: "1.0.0", w),
        C("GETDEL", "key", "Read a string value and delete the key.", "O(1)", since: "6.2.0", w),
        C("INCR", "key", "Add 1 to an integer value.", "O(1)", since: "1.0.0", w),
        C("INCRBY", "key increment", "Add an integer to an integer value.", "O(1)", since: "1.0.0", w),
        C("DECR", "key", "Subtract 1 from an integer value.", "O(1)", since: "1.0.0", w),
        C("APPEND", "key value", "Append bytes to a string value.", "O(1) amortized", since: "2.0.0", w),
        C("STRLEN", "key", "Length in bytes of a string value.", "O(1)", since: "2.2.0"),
    ]

    static let keys: [CommandDoc] = [
        C("DEL", "key [key ...]", "Delete keys, freeing their memory in the main thread.", "O(N) for N keys; O(M) for a key holding M elements", since: "1.0.0", w),
        C("UNLINK", "key [key ...]", "Delete keys, freeing large values in a background thread.", "O(1) per key, O(M) reclaimed later", since: "4.0.0", w),
        C("EXISTS", "key [key ...]", "Count how many of the keys exist.", "O(N) for N keys", since: "1.0.0"),
        C("TYPE", "key", "The type of the value stored at a key.", "O(1)", since: "1.0.0"),
        C("TTL", "key", "Seconds until a key expires (-1 no expiry, -2 missing).", "O(1)", since: "1.0.0"),
        C("PTTL", "key", "Milliseconds until a key expires.", "O(1)", since: "2.6.0"),
        C("EXPIRE", "key seconds [NX|XX|GT|LT]", "Set a key's time to live in seconds.", "O(1)", since: "1.0.0", w),
        C("PERSIST", "key", "Remove a key's expiry.", "O(1)", since: "2.2.0", w),
        C("RENAME", "key newkey", "Rename a key, overwriting the destination.", "O(1); deleting an overwritten value is O(M)", since: "1.0.0", w),
        C("KEYS", "pattern", "List every key matching a pattern. Blocks the server while it walks the whole keyspace: prefer SCAN.", "O(N) for N keys in the database", since: "1.0.0", [.dangerous]),
        C("SCAN", "cursor [MATCH pattern] [COUNT count] [TYPE type]", "Iterate the keyspace a batch at a time without blocking.", "O(1) per call, O(N) for a full iteration", since: "2.8.0"),
        C("RANDOMKEY", "", "Return a random key name.", "O(1)", since: "1.0.0"),
        C("DBSIZE", "", "Number of keys in the selected database.", "O(1)", since: "1.0.0"),
        C("DUMP", "key", "Serialize a value in the RDB format.", "O(1) to find, O(N*M) to serialize", since: "2.6.0"),
    ]

    static let collections: [CommandDoc] = [
        C("HGET", "key field", "Read one field of a hash.", "O(1)", since: "2.0.0"),
        C("HSET", "key field value [field value ...]", "Set fields of a hash.", "O(1) per field", since: "2.0.0", w),
        C("HMGET", "key field [field ...]", "Read several fields of a hash.", "O(N) for N fields", since: "2.0.0"),
        C("HGETALL", "key", "Read every field and value of a hash.", "O(N) for a hash of N fields", since: "2.0.0"),
        C("HDEL", "key field [field ...]", "Delete fields of a hash.", "O(N) for N fields", since: "2.0.0", w),
        C("HLEN", "key", "Number of fields in a hash.", "O(1)", since: "2.0.0"),
        C("HSCAN", "key cursor [MATCH pattern] [COUNT count]", "Iterate a hash's fields a batch at a time.", "O(1) per call", since: "2.8.0"),
        C("LPUSH", "key element [element ...]", "Prepend elements to a list.", "O(1) per element", since: "1.0.0", w),
        C("RPUSH", "key element [element ...]", "Append elements to a list.", "O(1) per element", since: "1.0.0", w),
        C("LPOP", "key [count]", "Remove and return the first elements of a list.", "O(N) for N elements returned", since: "1.0.0", w),
        C("RPOP", "key [count]", "Remove and return the last elements of a list.", "O(N) for N elements returned", since: "1.0.0", w),
        C("LRANGE", "key start stop", "Read a range of a list.", "O(S+N): S offset from the nearest end, N elements", since: "1.0.0"),
        C("LLEN", "key", "Length of a list.", "O(1)", since: "1.0.0"),
        C("BLPOP", "key [key ...] timeout", "Pop from the first non-empty list, blocking the connection until one has data.", "O(N) for N keys", since: "2.0.0", w),
        C("SADD", "key member [member ...]", "Add members to a set.", "O(1) per member", since: "1.0.0", w),
        C("SREM", "key member [member ...]", "Remove members from a set.", "O(N) for N members", since: "1.0.0", w),
        C("SMEMBERS", "key", "Every member of a set.", "O(N) for a set of N members", since: "1.0.0"),
        C("SCARD", "key", "Number of members in a set.", "O(1)", since: "1.0.0"),
        C("SISMEMBER", "key member", "Whether a value is a member of a set.", "O(1)", since: "1.0.0"),
        C("SSCAN", "key cursor [MATCH pattern] [COUNT count]", "Iterate a set a batch at a time.", "O(1) per call", since: "2.8.0"),
        C("ZADD", "key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]", "Add members with scores to a sorted set.", "O(log N) per member", since: "1.2.0", w),
        C("ZRANGE", "key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]", "Read a range of a sorted set.", "O(log N + M) for M members returned", since: "1.2.0"),
        C("ZREM", "key member [member ...]", "Remove members from a sorted set.", "O(M log N)", since: "1.2.0", w),
        C("ZCARD", "key", "Number of members in a sorted set.", "O(1)", since: "1.2.0"),
        C("ZSCORE", "key member", "The score of a sorted-set member.", "O(1)", since: "1.2.0"),
        C("ZSCAN", "key cursor [MATCH pattern] [COUNT count]", "Iterate a sorted set a batch at a time.", "O(1) per call", since: "2.8.0"),
        C("XADD", "key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold] *|id field value [field value ...]", "Append an entry to a stream.", "O(1), O(N) when trimming", since: "5.0.0", w),
        C("XLEN", "key", "Number of entries in a stream.", "O(1)", since: "5.0.0"),
        C("XRANGE", "key start end [COUNT count]", "Read a range of stream entries.", "O(N) for N entries returned", since: "5.0.0"),
    ]

    static let server: [CommandDoc] = [
        C("PING", "[message]", "Check the connection; the round trip shows the server's responsiveness.", "O(1)", since: "1.0.0"),
        C("ECHO", "message", "Return the message.", "O(1)", since: "1.0.0"),
        C("AUTH", "[username] password", "Log in on this connection (never written to history).", "O(N) for N passwords of the user", since: "1.0.0"),
        C("HELLO", "[protover [AUTH username password] [SETNAME clientname]]", "Negotiate the protocol version and optionally log in.", "O(1)", since: "6.0.0"),
        C("SELECT", "index", "Switch this connection to another logical database (kept across reconnects).", "O(1)", since: "1.0.0"),
        C("SWAPDB", "index1 index2", "Swap two logical databases for every client.", "O(N) for N clients watching or blocking", since: "4.0.0", w),
        C("QUIT", "", "Close the connection (leaves the REPL).", "O(1)", since: "1.0.0"),
        C("INFO", "[section [section ...]]", "Server statistics and state, by section.", "O(1)", since: "1.0.0"),
        C("TIME", "", "The server's clock: seconds and microseconds.", "O(1)", since: "2.6.0"),
        C("ROLE", "", "Replication role with offsets and peers.", "O(1)", since: "2.8.12"),
        C("LASTSAVE", "", "Unix time of the last successful RDB save.", "O(1)", since: "1.0.0"),
        C("SAVE", "", "Write an RDB snapshot in the main thread, blocking every client until it is done.", "O(N) for N keys", since: "1.0.0", d),
        C("BGSAVE", "[SCHEDULE]", "Fork and write an RDB snapshot in the background.", "O(1) to start; the fork copies page tables", since: "1.0.0", a),
        C("BGREWRITEAOF", "", "Fork and rewrite the append-only file in the background.", "O(1) to start", since: "1.0.0", a),
        C("FLUSHDB", "[ASYNC|SYNC]", "Delete every key of the selected database.", "O(N) for N keys", since: "1.0.0", [.write, .dangerous]),
        C("FLUSHALL", "[ASYNC|SYNC]", "Delete every key of every database.", "O(N) for N keys", since: "1.0.0", [.write, .dangerous]),
        C("SHUTDOWN", "[NOSAVE|SAVE] [NOW] [FORCE] [ABORT]", "Stop the server, saving first if persistence is configured.", "O(N) when saving", since: "1.0.0", d),
        C("DEBUG", "subcommand [argument ...]", "Internal debugging commands (SLEEP, RELOAD, OBJECT...); some block or crash the server.", "Depends on the subcommand", since: "1.0.0", d),
        C("MONITOR", "", "Stream every command the server processes. Costs the server throughput.", "O(N) per command for N monitors", since: "1.0.0", a),
        C("REPLICAOF", "host port | NO ONE", "Make this server a replica of another, or promote it.", "O(1)", since: "5.0.0", a),
        C("SLAVEOF", "host port | NO ONE", "Old name of REPLICAOF.", "O(1)", since: "1.0.0", a),
        C("WAIT", "numreplicas timeout", "Block until earlier writes reach this many replicas.", "O(1)", since: "3.0.0"),
        C("MULTI", "", "Start a transaction: commands queue until EXEC.", "O(1)", since: "1.2.0"),
        C("EXEC", "", "Run the queued transaction.", "Depends on the queued commands", since: "1.2.0"),
        C("DISCARD", "", "Drop the queued transaction.", "O(N) for N queued commands", since: "2.0.0"),
        C("WATCH", "key [key ...]", "Make the next EXEC fail if these keys change.", "O(1) per key", since: "2.2.0"),
        C("UNWATCH", "", "Forget all watched keys.", "O(1)", since: "2.2.0"),
        C("SUBSCRIBE", "channel [channel ...]", "Listen to channels (the connection then only receives messages).", "O(N) for N channels", since: "2.0.0"),
        C("PSUBSCRIBE", "pattern [pattern ...]", "Listen to channels matching patterns.", "O(N) for N patterns", since: "2.0.0"),
        C("PUBLISH", "channel message", "Send a message to a channel's subscribers.", "O(N+M) subscribers and patterns", since: "2.0.0"),
        C("EVAL", "script numkeys [key ...] [arg ...]", "Run a Lua script; a slow script blocks the server.", "Depends on the script", since: "2.6.0", w),
        C("EVALSHA", "sha1 numkeys [key ...] [arg ...]", "Run a cached Lua script by its SHA1.", "Depends on the script", since: "2.6.0", w),
        C("MIGRATE", "host port key|\"\" destination-db timeout [COPY] [REPLACE] [AUTH password|AUTH2 username password] [KEYS key ...]", "Move keys to another server.", "O(N) for the serialized values", since: "2.6.0", w),
        C("LOLWUT", "[VERSION version]", "Draw some art and print the server version.", "O(1)", since: "5.0.0"),
    ]

    static let subcommandDocs: [CommandDoc] = [
        C("CLIENT LIST", "[TYPE normal|master|replica|pubsub] [ID client-id ...]", "One line per connected client: address, age, idle time, buffers, last command.", "O(N) for N clients", since: "2.4.0"),
        C("CLIENT INFO", "", "The CLIENT LIST line of this connection.", "O(1)", since: "6.2.0"),
        C("CLIENT KILL", "ip:port | [ID client-id] [TYPE type] [USER username] [ADDR ip:port] [LADDR ip:port] [SKIPME yes|no]", "Close client connections.", "O(N) for N clients", since: "2.4.0", a),
        C("CLIENT SETNAME", "connection-name", "Name this connection (kept across reconnects).", "O(1)", since: "2.6.9"),
        C("CLIENT GETNAME", "", "The name of this connection.", "O(1)", since: "2.6.9"),
        C("CLIENT ID", "", "The numeric id of this connection.", "O(1)", since: "5.0.0"),
        C("CLIENT PAUSE", "timeout [WRITE|ALL]", "Stop serving clients (or writes) for a while.", "O(1)", since: "3.0.0", a),
        C("CLIENT UNPAUSE", "", "Resume serving paused clients.", "O(N) for N paused clients", since: "6.2.0", a),
        C("CLIENT NO-EVICT", "ON|OFF", "Exempt this connection from client eviction.", "O(1)", since: "7.0.0", a),
        C("CONFIG GET", "parameter [parameter ...]", "Read configuration parameters (glob patterns allowed).", "O(N) for N parameters", since: "2.0.0"),
        C("CONFIG SET", "parameter value [parameter value ...]", "Change configuration at run time.", "O(N) for N parameters", since: "2.0.0", a),
        C("CONFIG REWRITE", "", "Write the running configuration back to redis.conf.", "O(1)", since: "2.8.0", a),
        C("CONFIG RESETSTAT", "", "Reset INFO counters, SLOWLOG and command statistics.", "O(1)", since: "2.0.0", a),
        C("SLOWLOG GET", "[count]", "The slowest recent commands, newest first.", "O(N) for N entries", since: "2.2.12", a),
        C("SLOWLOG LEN", "", "Number of entries in the slow log.", "O(1)", since: "2.2.12", a),
        C("SLOWLOG RESET", "", "Empty the slow log.", "O(N) for N entries", since: "2.2.12", a),
        C("LATENCY LATEST", "", "The latest spike of every latency event.", "O(1)", since: "2.8.13", a),
        C("LATENCY HISTORY", "event", "Up to 160 samples of one latency event.", "O(1)", since: "2.8.13", a),
        C("LATENCY DOCTOR", "", "A written analysis of the latency events.", "O(1)", since: "2.8.13", a),
        C("LATENCY GRAPH", "event", "An ASCII graph of one latency event.", "O(1)", since: "2.8.13", a),
        C("LATENCY RESET", "[event ...]", "Clear latency samples.", "O(1)", since: "2.8.13", a),
        C("MEMORY USAGE", "key [SAMPLES count]", "Bytes a key and its value take.", "O(N) for N samples", since: "4.0.0"),
        C("MEMORY STATS", "", "Breakdown of the server's memory use.", "O(1)", since: "4.0.0"),
        C("MEMORY DOCTOR", "", "A written analysis of memory problems.", "O(1)", since: "4.0.0"),
        C("MEMORY PURGE", "", "Ask the allocator to release dirty pages.", "Depends on the allocator", since: "4.0.0"),
        C("MEMORY MALLOC-STATS", "", "The allocator's internal statistics.", "Depends on the allocator", since: "4.0.0"),
        C("CLUSTER INFO", "", "Cluster state, slots assigned and known nodes.", "O(1)", since: "3.0.0"),
        C("CLUSTER NODES", "", "The cluster configuration as this node sees it.", "O(N) for N nodes", since: "3.0.0"),
        C("CLUSTER SLOTS", "", "Slot ranges and the nodes serving them.", "O(N) for N shards", since: "3.0.0"),
        C("CLUSTER SHARDS", "", "Shards with their slots and nodes.", "O(N) for N shards", since: "7.0.0"),
        C("CLUSTER MYID", "", "This node's id.", "O(1)", since: "3.0.0"),
        C("CLUSTER KEYSLOT", "key", "The hash slot of a key.", "O(N) for the key's length", since: "3.0.0"),
        C("CLUSTER COUNTKEYSINSLOT", "slot", "Number of keys in a hash slot.", "O(1)", since: "3.0.0"),
        C("ACL WHOAMI", "", "The user this connection is logged in as.", "O(1)", since: "6.0.0"),
        C("ACL LIST", "", "Every user's rules in ACL file form.", "O(N) for N users", since: "6.0.0", a),
        C("ACL USERS", "", "Every user name.", "O(N) for N users", since: "6.0.0", a),
        C("ACL GETUSER", "username", "One user's rules.", "O(N) for N rules", since: "6.0.0", a),
        C("ACL SETUSER", "username [rule ...]", "Create or modify a user (never written to history).", "O(N) for N rules", since: "6.0.0", a),
        C("ACL DELUSER", "username [username ...]", "Delete users and disconnect them.", "O(1) per user", since: "6.0.0", a),
        C("ACL LOG", "[count | RESET]", "Recent authentication failures and denied commands.", "O(N) for N entries", since: "6.0.0", a),
        C("ACL CAT", "[category]", "Command categories, or the commands of one.", "O(1)", since: "6.0.0"),
        C("XINFO STREAM", "key [FULL [COUNT count]]", "Length, groups and first/last entries of a stream.", "O(1), O(N) with FULL", since: "5.0.0"),
        C("XINFO GROUPS", "key", "Consumer groups of a stream with their pending counts.", "O(1)", since: "5.0.0"),
        C("XINFO CONSUMERS", "key group", "Consumers of a group with idle times.", "O(1)", since: "5.0.0"),
        C("OBJECT ENCODING", "key", "The internal encoding of a value (listpack, hashtable...).", "O(1)", since: "2.2.3"),
        C("OBJECT IDLETIME", "key", "Seconds since the key was last read or written.", "O(1)", since: "2.2.3"),
        C("OBJECT FREQ", "key", "The LFU access counter of a key.", "O(1)", since: "4.0.0"),
        C("COMMAND DOCS", "[command-name ...]", "Documentation of commands.", "O(N) for N commands", since: "7.0.0"),
        C("COMMAND INFO", "[command-name ...]", "Arity, flags and key positions of commands.", "O(N) for N commands", since: "2.8.13"),
        C("COMMAND COUNT", "", "Number of commands the server knows.", "O(1)", since: "2.8.13"),
        C("SCRIPT KILL", "", "Stop the running Lua script if it has not written.", "O(1)", since: "2.6.0", a),
        C("SCRIPT FLUSH", "[ASYNC|SYNC]", "Empty the script cache.", "O(N) for N scripts", since: "2.6.0", a),
        C("FUNCTION KILL", "", "Stop the running function if it has not written.", "O(1)", since: "7.0.0", a),
        C("MODULE LIST", "", "Loaded modules.", "O(N) for N modules", since: "4.0.0", a),
    ]
}
