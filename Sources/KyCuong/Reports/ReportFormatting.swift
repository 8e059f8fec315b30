import Foundation
import KyCuongAudit
import KyCuongModel
import KyCuongSupport

/// Small helpers shared by the reports: HTML escaping, dates in the inspectors' time zone, outcome labels.
public enum ReportFormatting {

  /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in HTML text and quoted attributes.
  public static func escapeHTML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }

  /// `text` safe inside a Markdown paragraph or table cell: characters with a meaning in Markdown (and raw
  /// HTML, which Markdown viewers pass through) are backslash-escaped, new lines become spaces.
  public static func escapeMarkdown(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#":
        result.append("\\")
        result.append(character)
      case "\n", "\r", "\r\n": result.append(" ")
      default: result.append(character)
      }
    }
    return result
  }

  /// Calendar date and time parts of `date` in `timeZone`.
  static func parts(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
  }

  static func pad(_ value: Int?, _ width: Int = 2) -> String {
    let text = String(value ?? 0)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  /// `YYYY-MM-DD` of `date` in `timeZone`.
  public static func day(_ date: Date, timeZone: TimeZone = .vietnam) -> String {
    let p = parts(date, timeZone)
    return "\(pad(p.year, 4))-\(pad(p.month))-\(pad(p.day))"
  }

  /// `YYYY-MM` of `date` in `timeZone`.
  public static func month(_ date: Date, timeZone: TimeZone = .vietnam) -> String {
    String(day(date, timeZone: timeZone).prefix(7))
  }

  /// A time as a record states it: `09:30 ngày 21/11/2026` or `09:30, 21/11/2026`, with the UTC offset.
  public static func recordTime(
    _ date: Date, language: Language, timeZone: TimeZone = .vietnam
  )
    -> String
  {
    let p = parts(date, timeZone)
    let seconds = timeZone.secondsFromGMT(for: date)
    let hours = seconds / 3600
    let minutes = abs(seconds % 3600) / 60
    let offset =
      "UTC" + (hours >= 0 ? "+" : "-") + String(abs(hours)) + (minutes == 0 ? "" : ":" + pad(minutes))
    let clock = "\(pad(p.hour)):\(pad(p.minute))"
    let date = "\(pad(p.day))/\(pad(p.month))/\(pad(p.year, 4))"
    return language == .vi ? "\(clock) ngày \(date) (\(offset))" : "\(clock), \(date) (\(offset))"
  }

  /// How an item stands, in words: the answer, "not checked: reason", "not assessed" or "not applicable".
  ///
  /// - Parameters:
  ///   - outcome: The answer, if answered.
  ///   - status: Answered, skipped or unanswered.
  ///   - skipReason: Why it was not checked, if skipped.
  ///   - applicable: Whether the item applies.
  ///   - language: The language of the words.
  /// - Returns: A phrase in `language`, such as "Pass", "3 of 4 compliant" or "Not checked: reason"; an item
  ///   that does not apply reads "Does not apply (condition)" whatever its answer.
  public static func describe(
    outcome: Outcome?, status: ItemStatus, skipReason: String?, applicable: Bool, language: Language
  ) -> String {
    func say(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
    if !applicable { return say("Không áp dụng (theo điều kiện)", "Does not apply (condition)") }
    switch status {
    case .skipped:
      return say("Không kiểm tra", "Not checked") + (skipReason.map { ": \($0)" } ?? "")
    case .answered:
      guard let outcome else { return say("Chưa đánh giá", "Not assessed") }
      switch outcome {
      case .pass: return say("Đạt", "Pass")
      case .partial: return say("Đạt một phần", "Partly met")
      case .fail: return say("Không đạt", "Fail")
      case .notApplicable: return say("Không áp dụng", "Not applicable")
      case .observation(let compliant, let observed):
        return say("\(compliant)/\(observed) người đạt yêu cầu", "\(compliant) of \(observed) compliant")
      case .scale(let value): return say("Mức \(value)", "Level \(value)")
      case .text(let text): return text
      case .yes: return say("Có", "Yes")
      case .no: return say("Không", "No")
      }
    case .unanswered:
      return say("Chưa đánh giá", "Not assessed")
    }
  }

  /// A byte count for people: `12 345 bytes` becomes `12.1 KB` above a kilobyte.
  ///
  /// - Parameters:
  ///   - size: The number of bytes.
  ///   - separator: The decimal separator (a comma in Vietnamese text).
  /// - Returns: `512 B`, `12.1 KB`, `3.0 MB`…
  public static func byteCount(_ size: Int64, separator: Character = ".") -> String {
    if size < 1024 { return "\(size) B" }
    let units = ["KB", "MB", "GB", "TB"]
    var value = Double(size) / 1024
    var index = 0
    while value >= 1024 && index < units.count - 1 {
      value /= 1024
      index += 1
    }
    return NumberFormatting.score(value, separator: separator) + " " + units[index]
  }

  /// The change from `old` to `new` as shown beside them: the difference of the two scores rounded to one
  /// decimal each, so the three numbers a reader sees add up (60.4 → 54.2 is -6.2, not the exact -6.25).
  ///
  /// - Parameters:
  ///   - old: The earlier score.
  ///   - new: The later score.
  ///   - separator: The decimal separator (a comma in Vietnamese text).
  /// - Returns: The signed change (`+12.5`, `-6.2`, `0.0`), or "—" when either side has none.
  public static func delta(from old: Double?, to new: Double?, separator: Character = ".") -> String {
    guard let old, let new else { return "—" }
    return delta(((new * 10).rounded() - (old * 10).rounded()) / 10, separator: separator)
  }

  /// A signed change of score with one decimal (`+12.5`, `-3.0`, `0.0`), or "—" when either side has none.
  ///
  /// - Parameters:
  ///   - change: The change.
  ///   - separator: The decimal separator (a comma in Vietnamese text).
  /// - Returns: The change with its sign, but none for no change.
  public static func delta(_ change: Double?, separator: Character = ".") -> String {
    guard let change else { return "—" }
    let text = NumberFormatting.score(abs(change), separator: separator)
    if text == NumberFormatting.score(0, separator: separator) { return text }
    return (change > 0 ? "+" : "-") + text
  }
}
