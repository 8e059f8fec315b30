import Foundation

/// A day of the Gregorian calendar, with no time and no time zone: a deadline, a filter bound, "today".
///
/// Written as `YYYY-MM-DD` in every file; only days that exist are accepted (no 2026-02-30). People may also
/// type `DD/MM/YYYY`, the Vietnamese order, through ``init(parsing:)``.
///
/// ```swift
/// let due = try CalendarDate(parsing: "15/12/2026")   // 2026-12-15
/// due < CalendarDate(year: 2027, month: 1, day: 1)!   // true
/// ```
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible, LosslessStringConvertible
{
  /// The year, 1 to 9999.
  public let year: Int
  /// The month, 1 to 12.
  public let month: Int
  /// The day of the month, 1 to 31.
  public let day: Int

  /// The day `year`-`month`-`day`, or `nil` when there is no such day.
  ///
  /// - Parameters:
  ///   - year: 1 to 9999.
  ///   - month: 1 to 12.
  ///   - day: 1 to the length of the month.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= Self.daysInMonth(month, of: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day written exactly as `YYYY-MM-DD`, or `nil`.
  ///
  /// - Parameter description: Four digits, two, two, joined by `-`, naming a day that exists.
  public init?(_ description: String) {
    guard let parts = Self.numbers(description, separator: "-", widths: [4, 2, 2]) else { return nil }
    self.init(year: parts[0], month: parts[1], day: parts[2])
  }

  /// The day a person typed: `YYYY-MM-DD`, or `D/M/YYYY` with one or two digits for day and month.
  ///
  /// - Parameter text: The text, surrounding white space ignored.
  /// - Throws: ``ParseError`` saying whether the text is not a date at all or names a day that does not exist.
  public init(parsing text: String) throws(ParseError) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let parts: [Int]
    if let iso = Self.numbers(trimmed, separator: "-", widths: [4, 2, 2]) {
      parts = iso
    } else if let slashed = Self.numbers(trimmed, separator: "/", widths: [-2, -2, 4]) {
      parts = [slashed[2], slashed[1], slashed[0]]
    } else {
      throw .notADate(trimmed)
    }
    guard let date = CalendarDate(year: parts[0], month: parts[1], day: parts[2]) else {
      throw .noSuchDay(trimmed)
    }
    self = date
  }

  /// The day `date` falls on in `timeZone`.
  ///
  /// - Parameters:
  ///   - date: A moment.
  ///   - timeZone: Where the day is counted.
  public init(_ date: Date, in timeZone: TimeZone) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    year = parts.year ?? 1970
    month = parts.month ?? 1
    day = parts.day ?? 1
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
  }

  /// `YYYY-MM`, the month the day is in.
  public var monthDescription: String { Self.pad(year, 4) + "-" + Self.pad(month, 2) }

  /// Whole days from `self` to `other`: positive when `other` is later.
  ///
  /// - Parameter other: Another day.
  /// - Returns: The number of days between them.
  public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

  /// The day `count` days later (earlier for a negative count).
  ///
  /// - Parameter count: Days to add.
  /// - Returns: The new day (clamped to the years 1–9999).
  public func adding(days count: Int) -> CalendarDate {
    Self(dayNumber: dayNumber + count)
  }

  /// Whether `lhs` comes before `rhs`.
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Why a text is not a date.
  public enum ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not written as a date (`YYYY-MM-DD` or `DD/MM/YYYY`).
    case notADate(String)
    /// The text is written as a date, but the day does not exist (`2026-02-30`).
    case noSuchDay(String)

    /// The problem in English.
    public var description: String {
      switch self {
      case .notADate(let text): "\"\(text)\" is not a date; write YYYY-MM-DD or DD/MM/YYYY (e.g. 15/12/2026)"
      case .noSuchDay(let text): "\"\(text)\" is not a day of the calendar; check the day and the month"
      }
    }
  }

  // MARK: - Arithmetic

  static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

  static func daysInMonth(_ month: Int, of year: Int) -> Int {
    let days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (1...12).contains(month) ? days[month - 1] : 0
  }

  /// Days since 1970-01-01 (the civil-from-days algorithm of H. Hinnant, valid for every Gregorian year).
  var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  init(dayNumber: Int) {
    let z = min(max(dayNumber, -719_162), 2_932_896) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// The numbers of `text` split at `separator`, each of exactly `widths[i]` ASCII digits (or 1 to `-width`
  /// digits for a negative width), or `nil`.
  private static func numbers(_ text: String, separator: Character, widths: [Int]) -> [Int]? {
    let parts = text.split(separator: separator, omittingEmptySubsequences: false)
    guard parts.count == widths.count else { return nil }
    var result: [Int] = []
    for (part, width) in zip(parts, widths) {
      guard part.allSatisfy({ $0.isASCII && $0.isNumber }),
        width > 0 ? part.count == width : (1...(-width)).contains(part.count),
        let value = Int(part)
      else { return nil }
      result.append(value)
    }
    return result
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}

extension CalendarDate: Codable {
  /// Reads `YYYY-MM-DD`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CalendarDate(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\"\(text)\" is not a day YYYY-MM-DD of the calendar")
    }
    self = date
  }

  /// Writes `YYYY-MM-DD`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
