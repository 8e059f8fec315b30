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
    guard text.utf8.count == 20, text.utf8.last == UInt8(ascii: "Z"), let fields = Fields(text),
      fields.year >= 1600, fields.hour < 24, fields.minute < 60, fields.second < 60,
      let date = CalendarDate(year: fields.year, month: fields.month, day: fields.day)
    else { return nil }
    let seconds = date.dayNumber * 86_400 + fields.hour * 3600 + fields.minute * 60 + fields.second
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }

  /// Why `text`, written `YYYY-MM-DDTHH:MM:SS…`, names a day or a clock time that does not exist
  /// ("there is no 30 February 2026", "hour 24 does not exist"), or `nil` when its fields exist or it is
  /// not written so (then it is not a time at all).
  package static func impossibility(in text: String) -> String? {
    guard let fields = Fields(text) else { return nil }
    let (year, month, day) = (fields.year, fields.month, fields.day)
    let (hour, minute, second) = (fields.hour, fields.minute, fields.second)
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

  /// The fields of a text that starts `YYYY-MM-DDTHH:MM:SS` (ASCII digits where the letters are), read
  /// from its bytes in place, whether or not they name a day and a time that exist.
  private struct Fields {
    var year, month, day, hour, minute, second: Int

    /// Where `YYYY-MM-DDTHH:MM:SS` has a separator, and which.
    private static let separators: [(position: Int, byte: UInt8)] = [
      (4, UInt8(ascii: "-")), (7, UInt8(ascii: "-")), (10, UInt8(ascii: "T")), (13, UInt8(ascii: ":")),
      (16, UInt8(ascii: ":")),
    ]

    /// The fields `text` starts with, or `nil` when it does not start so.
    init?(_ text: String) {
      var text = text
      guard
        let fields = text.withUTF8({ bytes -> Fields? in
          guard bytes.count >= 19 else { return nil }
          for (position, separator) in Self.separators where bytes[position] != separator { return nil }
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
          let fields = Fields(
            year: number(0..<4), month: number(5..<7), day: number(8..<10), hour: number(11..<13),
            minute: number(14..<16), second: number(17..<19))
          return valid ? fields : nil
        })
      else { return nil }
      self = fields
    }

    private init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
      (self.year, self.month, self.day) = (year, month, day)
      (self.hour, self.minute, self.second) = (hour, minute, second)
    }
  }
}
