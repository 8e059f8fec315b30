import Foundation

/// ISO 8601 UTC times with seconds, the only time format KyCuong writes: `2026-11-21T09:30:00Z`.
public enum Timestamp {
  /// `date` as `YYYY-MM-DDTHH:MM:SSZ` (fractions of a second dropped, so files are stable across platforms).
  ///
  /// - Parameter date: The time to write.
  /// - Returns: The time in UTC, to the second.
  public static func string(from date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current))
  }

  /// `date` without its fraction of a second: the precision the log keeps, so a replayed audit equals the
  /// one in memory.
  ///
  /// - Parameter date: Any time.
  /// - Returns: The same time rounded down to a whole second.
  public static func wholeSeconds(_ date: Date) -> Date {
    Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
  }

  /// Parses an ISO 8601 time, with or without fractional seconds.
  ///
  /// The day and the clock time must exist: `2026-02-30T…`, `2025-02-29T…`, `…T24:00:00Z` and `…T09:60:00Z`
  /// are refused, not rolled over to the next day or hour.
  ///
  /// - Parameter text: A time such as `2026-11-21T09:30:00Z`.
  /// - Returns: The time, or `nil` when `text` is not an ISO 8601 time or names a day or time that does not
  ///   exist.
  public static func date(from text: String) -> Date? {
    if let date = wholeSecondInUTC(text) { return date }
    guard impossibility(in: text) == nil else { return nil }
    if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
    return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
  }

  /// The time `text` names when it is written exactly as KyCuong writes times, `YYYY-MM-DDTHH:MM:SSZ`, in a
  /// year from 1600 to 9999 and with a day and a clock time that exist: counted from its fields, as the
  /// ISO 8601 parser gives it (the Gregorian calendar, in force in every such year), at a hundredth of the
  /// parser's cost. `nil` for any other text, which the parser reads.
  package static func wholeSecondInUTC(_ text: String) -> Date? {
    let found: Date?? = text.utf8.withContiguousStorageIfAvailable { bytes in
      guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
        bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
        bytes[19] == UInt8(ascii: "Z")
      else { return nil }
      var valid = true
      func number(_ range: Range<Int>) -> Int {
        var value = 0
        for position in range {
          let digit = Int(bytes[position]) - Int(UInt8(ascii: "0"))
          if digit < 0 || digit > 9 { valid = false }
          value = value * 10 + digit
        }
        return value
      }
      let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
      let (hour, minute, second) = (number(11..<13), number(14..<16), number(17..<19))
      guard valid, year >= 1600, hour < 24, minute < 60, second < 60,
        let date = CalendarDate(year: year, month: month, day: day)
      else { return nil }
      let seconds = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
      return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
    return found ?? nil
  }

  /// Why `text`, written `YYYY-MM-DDTHH:MM:SS…`, names a day or a clock time that does not exist
  /// ("there is no 30 February 2026", "hour 24 does not exist"), or `nil` when its fields exist or it is
  /// not written so (then it is not a time at all).
  package static func impossibility(in text: String) -> String? {
    let bytes = Array(text.utf8.prefix(19))
    let shape = Array("dddd-dd-ddTdd:dd:dd".utf8)
    guard bytes.count == shape.count else { return nil }
    for (byte, expected) in zip(bytes, shape) {
      let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      if expected == UInt8(ascii: "d") ? !isDigit : byte != expected { return nil }
    }
    func number(_ range: Range<Int>) -> Int {
      bytes[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
    let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
    let (hour, minute, second) = (number(11..<13), number(14..<16), number(17..<19))
    guard (1...12).contains(month) else { return "month \(month) does not exist" }
    let days = CalendarDate.daysInMonth(month, of: year)
    guard (1...days).contains(day) else {
      let name = Self.monthNames[month - 1]
      return day == 0
        ? "day 0 does not exist" : "there is no \(day) \(name) \(year) (\(name) has \(days) days)"
    }
    guard hour < 24 else { return "hour \(hour) does not exist" }
    guard minute < 60 else { return "minute \(minute) does not exist" }
    guard second < 60 else { return "second \(second) does not exist" }
    return nil
  }

  private static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]
}
