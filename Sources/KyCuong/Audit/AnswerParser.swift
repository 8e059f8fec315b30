import KyCuongModel
import KyCuongSupport

/// Reads an inspector's answer to an item, in Vietnamese or English, with or without diacritics: the same
/// words the REPL takes, for any other front end (a web form) to take too.
///
/// ```swift
/// AnswerParser.parse("dat", for: .check)          // .pass
/// AnswerParser.parse("10/12", for: .observation)  // .observation(compliant: 10, observed: 12)
/// AnswerParser.parse("kad", for: .scale(max: 4))  // .notApplicable
/// ```
public enum AnswerParser {
  /// The words for each `check` outcome, folded (lower case, no diacritics): `đạt`, `dat` and `pass` are
  /// one answer.
  public static let checkWords: [(outcome: Outcome, words: [String])] = [
    (.pass, ["pass", "dat", "y", "yes", "co", "ok"]),
    (.fail, ["fail", "khong dat", "n", "no", "khong"]),
    (.partial, ["partial", "mot phan", "p"]),
    (.notApplicable, ["na", "n/a", "khong ap dung", "kad", "not applicable"]),
  ]

  /// The words for the answers of a `yesNo` item, folded: `có`, `co`, `yes`; `không`, `khong`, `no`.
  public static let yesNoWords: [(outcome: Outcome, words: [String])] = [
    (.yes, ["co", "yes", "y", "c"]),
    (.no, ["khong", "no", "n", "k"]),
  ]

  /// The answer words offered by completion and help, as the inspector would type them.
  public static let displayWords = [
    "đạt", "không đạt", "một phần", "không áp dụng", "pass", "fail", "partial", "na", "có", "kad",
  ]

  /// The separator between an answer and the remark that explains a changed answer: `fail -- lý do`.
  public static let remarkSeparator = " -- "

  /// Splits `line` into the answer and the remark after ``remarkSeparator``, if any.
  ///
  /// - Parameter line: What the inspector typed.
  /// - Returns: The answer, trimmed, and the remark, trimmed, or `nil` when there is no separator or nothing
  ///   after it.
  public static func splitRemark(_ line: String) -> (answer: String, remark: String?) {
    guard let range = line.range(of: remarkSeparator) else {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasSuffix(" --") { return (String(trimmed.dropLast(3)), nil) }
      return (trimmed, nil)
    }
    let answer = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
    let remark = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
    return (answer, remark.isEmpty ? nil : remark)
  }

  /// The `check` outcome `text` names (pass, partial, fail or not applicable), if it names one.
  ///
  /// - Parameter text: What the inspector typed.
  /// - Returns: The outcome whose ``checkWords`` include `text` once folded, or `nil` when none do.
  public static func checkOutcome(_ text: String) -> Outcome? {
    let folded = VietnameseFolding.fold(text)
    return checkWords.first { $0.words.contains(folded) }?.outcome
  }

  /// `text` as an answer to an item of `kind`, or `nil` when the kind does not take it.
  ///
  /// `check`: the words of ``checkWords``. `yesNo`: the words of ``yesNoWords``. `observation`: `M/N`
  /// (compliant of observed) or a not-applicable word. `scale`: an integer or a not-applicable word (the
  /// range is checked by the audit). `text`: any non-empty text, taken as it is.
  ///
  /// - Parameters:
  ///   - text: What the inspector typed.
  ///   - kind: The item's kind.
  /// - Returns: The outcome `text` gives for `kind`, or `nil` when `text` is blank or the kind does not take
  ///   it.
  public static func parse(_ text: String, for kind: ItemKind) -> Outcome? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return nil }
    if case .text = kind { return .text(trimmed) }
    let check = checkOutcome(trimmed)
    if check == .notApplicable { return .notApplicable }
    switch kind {
    case .check:
      return check
    case .yesNo:
      let folded = VietnameseFolding.fold(trimmed)
      return yesNoWords.first { $0.words.contains(folded) }?.outcome
    case .observation:
      let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2,
        let compliant = Int(parts[0].trimmingCharacters(in: .whitespaces)),
        let observed = Int(parts[1].trimmingCharacters(in: .whitespaces))
      else { return nil }
      return .observation(compliant: compliant, observed: observed)
    case .scale:
      return Int(trimmed).map(Outcome.scale)
    case .text:
      return .text(trimmed)
    }
  }

  /// The answer word closest to a mistyped `text` (`fial` → `fail`, `dta` → `đạt`), for a `check` or
  /// `yesNo` item; one-letter words are left out, as every short typo would be one edit from them.
  ///
  /// - Parameters:
  ///   - text: What the inspector typed.
  ///   - kind: The item's kind.
  /// - Returns: The word as the inspector would type it, diacritics included, or `nil` when no word is close
  ///   enough (at most two edits, fewer than half of `text`'s length) or `kind` is neither `check` nor
  ///   `yesNo`.
  public static func suggestion(for text: String, kind: ItemKind) -> String? {
    let candidates: [String]
    switch kind {
    case .check:
      candidates = ["pass", "đạt", "fail", "không đạt", "partial", "một phần", "na", "không áp dụng", "kad"]
    case .yesNo: candidates = ["có", "không", "yes", "no"]
    default: return nil
    }
    return EditDistance.closest(to: text, in: candidates)
  }
}
