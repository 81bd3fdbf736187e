/// Strict-but-tolerant numeric conversion of INFO values.
enum InfoNumber {
    /// Accepts surrounding blanks and a `%` suffix; rejects placeholders
    /// (`N/A`, `(null)`, `unavailable`, `-`, empty) and junk (`FAKE_USED_MEM`).
    /// Only decimal notation is accepted: `Double("nan")`/`"inf"`/hex would
    /// otherwise turn words into numbers.
    static func parse(_ raw: String) -> Double? {
        var text = Bytes.trimBlanks(raw[...])
        if text.utf8.last == 0x25 { text = Bytes.trimBlanks(text.dropLast()) } // '%'
        guard !text.isEmpty else { return nil }
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: sawDigit = true
            case 0x2B, 0x2D, 0x2E, 0x45, 0x65: break // + - . E e
            default: return nil
            }
        }
        guard sawDigit, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
