/// Making untrusted text (client names, server messages) safe to print.
public enum OutputText {
    /// One line without control characters: line breaks and tabs become spaces, other
    /// control characters `?`, so a client name cannot inject terminal escapes or
    /// extra plugin output lines.
    public static func oneLine(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.unicodeScalars.append(" ")
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: out.unicodeScalars.append("?")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `oneLine`, and `|` (the perfdata separator) replaced so plugin text stays parseable.
    static func nagios(_ text: String) -> String {
        var out = ""
        for c in oneLine(text) { out.append(c == "|" ? "/" : c) }
        return out
    }
}
