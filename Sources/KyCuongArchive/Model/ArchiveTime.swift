import Foundation
import KyCuong

/// How the archive stores times and days as text, which sorts and compares the same on both backends (SQLite
/// has no time type): times as the library writes them (``Timestamp``, ISO 8601 UTC, whole seconds), days as
/// ``CalendarDate`` (`YYYY-MM-DD`) in Vietnam's time, the days a record states.
package enum ArchiveTime {
  /// `date` as `YYYY-MM-DDTHH:MM:SSZ`, the fraction of a second dropped.
  package static func string(_ date: Date) -> String {
    Timestamp.string(from: Timestamp.wholeSeconds(date))
  }

  /// The time a stored string names, or `nil`.
  package static func date(_ text: String) -> Date? {
    Timestamp.date(from: text)
  }

  /// The calendar day of `date` in Vietnam, `YYYY-MM-DD`.
  static func day(_ date: Date) -> String {
    CalendarDate(date, in: .vietnam).description
  }

  /// The first instant of the Vietnamese day `day` as a stored string, for comparing with stored times.
  static func startOfDay(_ day: CalendarDate) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .vietnam
    let date =
      calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? .distantPast
    return string(date)
  }

  /// A stored day, or `nil` when the text is not one.
  static func calendarDate(_ text: String) -> CalendarDate? {
    CalendarDate(text)
  }
}
