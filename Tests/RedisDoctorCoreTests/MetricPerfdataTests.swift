import Testing
@testable import RedisDoctorCore

@Test(arguments: [
    (0.0, "0"), (-0.0, "0"), (42, "42"), (-42, "-42"), (1.5, "1.5"), (0.1 + 0.2, "0.3"),
    (1.0 / 3.0, "0.333333"), (2.0 / 3.0, "0.666667"), (12345.6789, "12345.6789"),
    (1234.56789123, "1234.567891"), (1e20, "100000000000000000000"), (1e-7, "0.0000001"),
    (1.23456789e-7, "0.000000123457"), (123456789012.5, "123456789012.5"),
    (9.9999999, "10"), (0.9999999999, "1"), (-1e-7, "-0.0000001"), (1e16, "10000000000000000"),
    (2.5e-10, "0.00000000025"), (1073741824, "1073741824"),
])
func numberFormatting(value: Double, text: String) {
    #expect(NumberText.format(value) == text)
}

@Test(arguments: [Double.nan, .infinity, -.infinity])
func nonFiniteNumbersHaveNoText(value: Double) {
    #expect(NumberText.format(value) == nil)
}

@Test func formattedNumbersNeverUseExponents() {
    var x = 1.0
    for _ in 0..<60 {
        for v in [x, 1 / x, -x * 1.2345, 3.7 / x] {
            let text = NumberText.format(v) ?? ""
            #expect(!text.contains("e") && !text.isEmpty, "\(v) -> \(text)")
            #expect(Double(text) != nil)
        }
        x *= 10
    }
}

@Test func perfdataFullAndTrimmed() throws {
    let full = Metric("used_memory", 1048576, unit: .bytes, warning: try NagiosRange(parsing: "800"),
                      critical: try NagiosRange(parsing: "900"), min: 0, max: 2147483648)
    #expect(full.perfdata == "'used_memory'=1048576B;800;900;0;2147483648")
    #expect(Metric("clients", 3).perfdata == "'clients'=3")
    #expect(Metric("ratio", 1.25, unit: .percent, min: 0).perfdata == "'ratio'=1.25%;;;0")
    #expect(Metric("lat", 0.5, unit: .milliseconds, critical: try NagiosRange(parsing: "@10:20")).perfdata == "'lat'=0.5ms;;@10:20")
}

@Test func perfdataLabelsAreQuotedAndEscaped() {
    #expect(Metric("it's", 1).perfdata == "'it''s'=1")
    #expect(Metric("a=b|c", 1, kind: .counter).perfdata == "'a_b_c'=1c")
}

/// A counter is `c` whatever it counts (seconds of CPU too); a gauge keeps its unit.
@Test func countersAreCAndGaugesKeepTheirUnit() {
    #expect(Metric("used_cpu_sys", 12.5, unit: .seconds, kind: .counter).perfdata == "'used_cpu_sys'=12.5c")
    #expect(Metric("unsaved_changes", 42).perfdata == "'unsaved_changes'=42")
}

@Test func perfdataEdgeValues() {
    #expect(Metric("big", 1e20, unit: .bytes).perfdata == "'big'=100000000000000000000B")
    #expect(Metric("tiny", 1e-7, unit: .seconds).perfdata == "'tiny'=0.0000001s")
    #expect(Metric("z", -0.0).perfdata == "'z'=0")
    #expect(Metric("n", .nan).perfdata == nil)
    #expect(Metric("i", .infinity).perfdata == nil)
    #expect(Metric("m", 1, max: .infinity).perfdata == "'m'=1")
    #expect(Metric("m", 1, min: .nan, max: 5).perfdata == "'m'=1;;;;5")
}
