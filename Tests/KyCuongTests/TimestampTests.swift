import Foundation
import KyCuongSupport
import Testing

@testable import KyCuong

@Suite("Times in the files")
struct TimestampTests {
  @Test("times written as KyCuong writes them are counted as the ISO 8601 parser reads them")
  func wholeSecondTimes() throws {
    var texts = [
      "1600-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2024-02-29T12:00:00Z",
      "2026-12-31T23:59:59Z", "2100-02-28T07:08:09Z", "9999-12-31T23:59:59Z", "2026-01-08T02:05:20Z",
    ]
    // From 1600 to 9999, in steps of a prime number of seconds (every day and time of day comes up).
    for seconds in stride(from: -11_676_096_000, through: 253_402_300_799, by: 132_654_011) {
      texts.append(Timestamp.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }
    for text in texts {
      let parsed = try Date.ISO8601FormatStyle().parse(text)
      #expect(Timestamp.wholeSecondInUTC(text) == parsed, "\(text)")
      #expect(Timestamp.date(from: text) == parsed, "\(text)")
    }
    // Anything else is left to the parser (or refused by it), as before.
    let others = [
      "1599-12-31T23:59:59Z", "2025-02-29T10:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T09:60:00Z",
      "2026-13-01T09:00:00Z", "2026-01-01T09:00:00.5Z", "2026-01-01T09:00:00+07:00", "2026-01-01t09:00:00Z",
      "2026-01-01T09:00:00z", "2026-1-01T09:00:00Z", "٢٠٢٦-01-01T09:00:00Z", "2026-01-01T09:00:0٠Z", "",
    ]
    for text in others {
      #expect(Timestamp.wholeSecondInUTC(text) == nil, "\(text)")
    }
    #expect(
      Timestamp.date(from: "1599-12-31T23:59:59Z")
        == (try? Date.ISO8601FormatStyle().parse("1599-12-31T23:59:59Z")))
    #expect(Timestamp.date(from: "2026-01-01T09:00:00.5Z") != nil)
    #expect(Timestamp.date(from: "2025-02-29T10:00:00Z") == nil)
  }
}
