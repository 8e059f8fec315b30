import KyCuong

/// Reads an inspector's answer to an item, in Vietnamese or English, with or without diacritics.
public enum AnswerParser {
  /// The words for each `check` outcome, folded (see ``VietnameseFolding``): `đạt`, `dat` and `pass` are
  /// one answer.
  public static let checkWords: [(outcome: CheckOutcome, words: [String])] = [
    (.pass, ["pass", "dat", "y", "yes", "co", "ok"]),
    (.fail, ["fail", "khong dat", "n", "no", "khong"]),
    (.partial, ["partial", "mot phan", "p"]),
    (.notApplicable, ["na", "n/a", "khong ap dung", "kad", "not applicable"]),
  ]

  /// The answer words offered by completion and help, as the inspector would type them.
  public static let displayWords = [
    "đạt", "không đạt", "một phần", "không áp dụng", "pass", "fail", "partial", "na", "có", "kad",
  ]

  /// The separator between an answer and the remark that explains a changed answer: `fail -- lý do`.
  public static let remarkSeparator = " -- "

  /// Splits `line` into the answer and the remark after ``remarkSeparator``, if any.
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

  /// The `check` outcome `text` names, if it names one.
  public static func checkOutcome(_ text: String) -> CheckOutcome? {
    let folded = VietnameseFolding.fold(text)
    return checkWords.first { $0.words.contains(folded) }?.outcome
  }

  /// `text` as an answer to an item of `kind`, or `nil` when the kind does not take it.
  ///
  /// `check`: the words of ``checkWords``. `observation`: `M/N` (compliant of observed) or a not-applicable
  /// word. `scale`: an integer or a not-applicable word (the range is checked by the audit). `text`: any
  /// non-empty text, taken as it is.
  public static func parse(_ text: String, for kind: ItemKind) -> Outcome? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return nil }
    if case .text = kind { return .text(trimmed) }
    let check = checkOutcome(trimmed)
    if check == .notApplicable { return .notApplicable }
    switch kind {
    case .check:
      switch check {
      case .pass: return .pass
      case .fail: return .fail
      case .partial: return .partial
      default: return nil
      }
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

  /// The answer word closest to a mistyped `text` (`fial` → `fail`, `dta` → `đạt`), for a `check` item;
  /// one-letter words are left out, as every short typo would be one edit from them.
  public static func suggestion(for text: String, kind: ItemKind) -> String? {
    guard case .check = kind else { return nil }
    let candidates = [
      "pass", "đạt", "fail", "không đạt", "partial", "một phần", "na", "không áp dụng", "kad",
    ]
    return EditDistance.closest(to: text, in: candidates)
  }
}
