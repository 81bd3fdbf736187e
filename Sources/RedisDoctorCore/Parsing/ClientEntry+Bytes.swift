extension ClientEntry {
    /// Runs `body` over a text field's bytes in place (a window on the shared reply
    /// after a parse) and returns its result; nil when the field is absent. Grouping
    /// 50,000 clients reads several fields of each: a String, or even a retained
    /// slice, per field costs more than the analysis itself.
    func withBytes<R>(_ field: TextField, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        let span: Span
        switch field {
        case .addr: span = _addr
        case .laddr: span = _laddr
        case .name: span = _name
        case .flags: span = _flags
        case .cmd: span = _cmd
        case .user: span = _user
        case .libName: span = _libName
        case .libVer: span = _libVer
        case .line:
            var text = line
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
        if span.isRange {
            let start = lineStart + Int(span.start), end = lineStart + Int(span.end)
            return source.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        }
        guard span.start != Span.absentMark, var text = owned?[field.rawValue] else { return nil }
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }
}

extension UnsafeRawBufferPointer {
    /// The host part of a CLIENT LIST `addr`: before the last colon, without IPv6 brackets.
    var hostOfAddress: UnsafeRawBufferPointer? {
        guard let colon = lastIndex(of: Bytes.colon) else { return nil }
        var start = 0, end = colon
        if end - start >= 2, self[start] == 0x5B, self[end - 1] == 0x5D { start += 1; end -= 1 } // [ ]
        return UnsafeRawBufferPointer(rebasing: self[start..<end])
    }
}
