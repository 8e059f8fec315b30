import Foundation
import KyCuongAudit
import KyCuongModel
import KyCuongSupport

/// How the inspection record writes times, dates and numbers in its language: Vietnamese as a department's
/// form has them (`15 giờ 08 phút, ngày 01 tháng 12 năm 2026`, `74,1`, `02 bản`), English in English
/// (`15:08 on 1 December 2026`, `74.1`, `2 copies`); times in the record's time zone.
struct RecordWording {
  /// The fixed wording of the language.
  let say: Wording
  /// The zone the record states times in.
  let timeZone: TimeZone

  /// The blank a person fills in by hand on the printed record.
  static let blank = "………"

  init(_ language: Language, timeZone: TimeZone) {
    self.say = Wording(language)
    self.timeZone = timeZone
  }

  var language: Language { say.language }

  private static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// The hour and minute: `15 giờ 08 phút`, `15:08`.
  func clock(_ date: Date) -> String {
    let parts = ReportFormatting.parts(date, timeZone)
    let hour = ReportFormatting.pad(parts.hour)
    let minute = ReportFormatting.pad(parts.minute)
    return say("\(hour) giờ \(minute) phút", "\(hour):\(minute)")
  }

  /// A day written out: `ngày 01 tháng 12 năm 2026`, `1 December 2026`.
  func longDay(_ day: CalendarDate) -> String {
    let month = Self.months[min(max(day.month, 1), 12) - 1]
    return say(
      "ngày \(ReportFormatting.pad(day.day)) tháng \(ReportFormatting.pad(day.month)) năm \(day.year)",
      "\(day.day) \(month) \(day.year)")
  }

  /// A day in short form: `15/01/2026`, `15 January 2026`.
  func shortDay(_ day: CalendarDate) -> String {
    say(
      "\(ReportFormatting.pad(day.day))/\(ReportFormatting.pad(day.month))/\(ReportFormatting.pad(day.year, 4))",
      longDay(day))
  }

  /// The day `date` falls on, in the record's zone.
  func calendarDay(_ date: Date) -> CalendarDate { CalendarDate(date, in: timeZone) }

  /// A moment in a line of the record: `15:08 ngày 01/12/2026`, `15:08 on 1 December 2026`.
  func moment(_ date: Date) -> String {
    let parts = ReportFormatting.parts(date, timeZone)
    let time = "\(ReportFormatting.pad(parts.hour)):\(ReportFormatting.pad(parts.minute))"
    return say("\(time) ngày ", "\(time) on ") + shortDay(calendarDay(date))
  }

  /// The opening sentence's time: `Vào hồi 15 giờ 08 phút, ngày 01 tháng 12 năm 2026`,
  /// `At 15:08 on 1 December 2026`.
  func opening(_ date: Date) -> String {
    say(
      "Vào hồi \(clock(date)), \(longDay(calendarDay(date)))",
      "At \(clock(date)) on \(longDay(calendarDay(date)))")
  }

  /// A score with one decimal and the language's separator (`74,1`, `74.1`), or "—".
  func score(_ value: Double?) -> String { say.score(value) }

  /// A weight: whole numbers bare, others with the language's separator (`1,5`, `1.5`).
  func number(_ value: Double) -> String { say.number(value) }

  /// A count of pages or copies: two digits in Vietnamese (`02`), bare in English (`2`); the blank when not
  /// recorded.
  func count(_ value: Int?) -> String {
    guard let value else { return Self.blank }
    return language == .vi ? ReportFormatting.pad(value) : String(value)
  }

  /// A byte count with the language's separator (`12,1 KB`).
  func byteCount(_ size: Int64) -> String { say.byteCount(size) }

  /// A change of score with the language's separator (`-6,2`).
  func delta(from old: Double?, to new: Double?) -> String { say.delta(from: old, to: new) }
}
