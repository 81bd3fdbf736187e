extension SentinelState {
    /// How many sentinels the set has: those this run knows of (given, or listed by one that
    /// answered), or more if a sentinel counts more peers than were reachable to list.
    public var knownCount: Int {
        let counted = answering.compactMap { $0.master?.integer("num-other-sentinels") }.map { Int(clamping: $0) + 1 }.max() ?? 0
        return max(members.count, counted)
    }

    /// The sentinels that belong to the set: every view but those that answered as no
    /// sentinel of this master (a --seed pointing elsewhere does not raise the majority).
    public var members: [SentinelView] { views.filter { !$0.isOutsideTheSet } }

    /// Sentinels needed to authorize a failover: a majority of the set.
    public var majority: Int { knownCount / 2 + 1 }

    /// The sentinels that did not answer SENTINEL MASTER, with why: `127.0.0.1:26381: connection
    /// refused` (those outside the set too, in their words, though they are not counted).
    public var silent: [String] {
        views.filter { !$0.answered }.map { view in
            "\(view.address): " + (view.failure ?? view.masterRefusal ?? "no answer")
        }
    }

    /// Answering sentinels grouped by what `value` gives, most common first: `x (a, b)`.
    func groups(_ value: (SentinelView) -> String?) -> [(value: String, sentinels: [String])] {
        var order: [String] = []
        var members: [String: [String]] = [:]
        for view in answering {
            let key = value(view) ?? "none"
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(view.address)
        }
        return order.map { ($0, members[$0]!) }.enumerated()
            .sorted { a, b in a.element.1.count != b.element.1.count ? a.element.1.count > b.element.1.count : a.offset < b.offset }
            .map(\.element)
    }

    /// A list of addresses for evidence, the first few and a count.
    static func listed(_ addresses: [String], limit: Int = 5) -> String {
        addresses.count <= limit ? addresses.joined(separator: ", ")
            : addresses.prefix(limit).joined(separator: ", ") + " and \(addresses.count - limit) more"
    }
}
