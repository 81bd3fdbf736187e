import Testing
@testable import RedisDoctorCore

struct TimestampTextTests {
    @Test(arguments: [
        ("1763800000", 1_763_800_000.0), ("1763800000.5", 1_763_800_000.5), ("0", 0),
        ("2025-11-22T08:26:40Z", 1_763_800_000), ("2025-11-22 08:26:40Z", 1_763_800_000),
        ("2025-11-22T09:26:40+01:00", 1_763_800_000), ("2025-11-22T03:26:40-0500", 1_763_800_000),
        ("2025-11-22T08:26:40.250Z", 1_763_800_000.25), ("2000-02-29T00:00:00Z", 951_782_400),
        ("1970-01-01T00:00:00Z", 0), ("9999-12-31T23:59:59Z", 253_402_300_799),
    ])
    func parses(_ text: String, _ seconds: Double) {
        #expect(TimestampText.parse(text) == seconds)
    }

    /// No zone, impossible dates, garbage, and times no INFO was ever taken at are refused.
    @Test(arguments: ["2025-11-22T08:26:40", "2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-11-22T24:00:00Z",
                      "yesterday", "", "1e9", "-5", "99999999999999999999", "2025-11-22T08:26:40Zjunk", "2025-11-22T08:26:40.Z"])
    func refuses(_ text: String) {
        #expect(TimestampText.parse(text) == nil)
    }

    @Test func formatsUTC() {
        #expect(TimestampText.iso8601(1_763_800_000.9) == "2025-11-22T08:26:40Z")
        #expect(TimestampText.iso8601(0) == "1970-01-01T00:00:00Z")
        #expect(TimestampText.iso8601(951_782_400) == "2000-02-29T00:00:00Z")
        for seconds in stride(from: 0.0, to: 4_000_000_000, by: 37_000_017) {
            #expect(TimestampText.parse(TimestampText.iso8601(seconds)) == seconds.rounded(.down))
        }
    }
}
