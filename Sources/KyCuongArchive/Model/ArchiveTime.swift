import Foundation

/// How the archive writes times and days: ISO 8601 UTC with whole seconds (`2026-11-21T09:30:00Z`), which
/// sorts as text on both backends, and calendar days `YYYY-MM-DD` in Vietnam's time (UTC+7), the days a
/// record states.
public enum ArchiveTime {
  /// Vietnam's time zone.
  public static let vietnam =
    TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt

  /// `date` as `YYYY-MM-DDTHH:MM:SSZ`, the fraction of a second dropped.
  public static func string(_ date: Date) -> String {
    let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    return whole.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 0) ?? .gmt))
  }

  /// The time a stored string names, or `nil`.
  public static func date(_ text: String) -> Date? {
    try? Date.ISO8601FormatStyle().parse(text)
  }

  /// The calendar day of `date` in Vietnam, `YYYY-MM-DD`.
  public static func day(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = vietnam
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }

  /// The first instant of the Vietnamese day `day` (`YYYY-MM-DD`) as a stored string, for comparing with
  /// stored times; `nil` unless `day` is a real calendar day.
  public static func startOfDay(_ day: String) -> String? {
    let parts = day.split(separator: "-")
    guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let dayNumber = Int(parts[2])
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = vietnam
    let components = DateComponents(year: year, month: month, day: dayNumber)
    guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
    return string(date)
  }
}
