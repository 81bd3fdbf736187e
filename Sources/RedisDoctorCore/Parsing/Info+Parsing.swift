extension Info {
    /// Parses an INFO payload. Never fails: CRLF or LF line ends, headers in
    /// any case, lines without `:` kept as unparsed, empty input is an empty Info.
    public init(parsing bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { Info.parse($0) }
    }

    /// Convenience for text (tests, pasted INFO).
    public init(parsing text: String) {
        self.init(parsing: Array(text.utf8))
    }

    /// Lines kept at most. A real INFO everything has a few thousand (commandstats,
    /// latencystats, keyspace); a hostile 32 MiB reply of `k:1` lines would cost 160
    /// bytes of memory a line. The rest is dropped, and the count says so.
    public static let maximumLines = 100_000

    static func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> Info {
        var sections: [InfoSection] = []
        var kept = 0
        var current: InfoSection? = nil
        var lineStart = 0
        let count = buffer.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, buffer[lineEnd] != Bytes.lf { lineEnd += 1 }
            let next = lineEnd + 1
            var end = lineEnd
            if end > lineStart, buffer[end - 1] == Bytes.cr { end -= 1 }
            // Blank (or whitespace-only) lines only separate sections.
            var first = lineStart
            while first < end, Bytes.isBlank(buffer[first]) { first += 1 }
            if first < end {
                kept += 1
                if kept > maximumLines { break }
                if buffer[first] == Bytes.hash {
                    // Every `#` line opens a section, never a key (Pika's `# Time:...`).
                    if let done = current { sections.append(done) }
                    var nameStart = first + 1
                    var nameEnd = end
                    while nameStart < nameEnd, Bytes.isBlank(buffer[nameStart]) { nameStart += 1 }
                    while nameEnd > nameStart, Bytes.isBlank(buffer[nameEnd - 1]) { nameEnd -= 1 }
                    current = InfoSection(name: Bytes.string(buffer, nameStart, nameEnd))
                } else {
                    if current == nil { current = InfoSection(name: "") }
                    var colon = lineStart
                    while colon < end, buffer[colon] != Bytes.colon { colon += 1 }
                    if colon < end {
                        current!.entries.append(InfoEntry(
                            key: Bytes.string(buffer, lineStart, colon),
                            value: Bytes.string(buffer, colon + 1, end)))
                    } else {
                        current!.unparsedLines.append(Bytes.string(buffer, lineStart, end))
                    }
                }
            }
            lineStart = next
        }
        if let done = current { sections.append(done) }
        return Info(sections: sections)
    }
}
