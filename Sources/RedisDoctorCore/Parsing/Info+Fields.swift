extension Info {
    /// The numeric value of `field`, from its first key holding a usable value.
    /// Placeholders, junk, sentinels and implausible values yield nil.
    /// Text fields are converted too when they happen to be numeric.
    public func number(_ field: InfoField) -> Double? {
        resolve(field)?.number
    }

    /// The text value of `field`, blanks trimmed; placeholders yield nil.
    /// Numeric fields return their raw text.
    public func string(_ field: InfoField) -> String? {
        resolve(field)?.text
    }

    /// The INFO key that supplied `field` (for evidence: "rdb_bgsave_in_progress:1").
    public func source(of field: InfoField) -> String? {
        resolve(field)?.key
    }

    /// `number` as a Bool for flag fields (nonzero = true).
    public func flag(_ field: InfoField) -> Bool? {
        number(field).map { $0 != 0 }
    }

    struct Resolved {
        var key: String
        var text: String
        var number: Double?
    }

    func resolve(_ field: InfoField) -> Resolved? {
        let spec = field.spec
        for key in spec.keys {
            guard let raw = value(key) else { continue }
            let text = String(Bytes.trimBlanks(raw[...]))
            if InfoFieldSpec.placeholders.contains(text) { continue }
            switch spec.kind {
            case .text:
                return Resolved(key: key, text: text, number: InfoNumber.parse(text))
            case .flag:
                let number: Double?
                switch text.lowercased() {
                case "yes", "true": number = 1
                case "no", "false": number = 0
                default: number = InfoNumber.parse(text)
                }
                guard let number else { continue }
                return Resolved(key: key, text: text, number: number)
            case .number:
                guard let number = InfoNumber.parse(text) else { continue }
                if spec.minusOneIsAbsent && number == -1 { continue }
                if let maximum = spec.maximum, number > maximum { continue }
                // No real counter, size or duration is beyond Int64, and only a few
                // quantities can be negative: the rest is garbage, shown as absent,
                // never as a 300-digit perfdata value or a negative duration.
                guard abs(number) <= InfoFieldSpec.largestPlausible else { continue }
                if number < 0 && !spec.mayBeNegative { continue }
                return Resolved(key: key, text: text, number: number)
            }
        }
        return nil
    }
}
