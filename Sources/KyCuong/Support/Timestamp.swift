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
  /// - Parameter text: A time such as `2026-11-21T09:30:00Z`.
  /// - Returns: The time, or `nil` when `text` is not an ISO 8601 time.
  public static func date(from text: String) -> Date? {
    if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
    return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
  }
}
