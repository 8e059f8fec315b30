/// The three focus areas of Hanoi's Year of Administrative Discipline 2017 (Thông báo 518 of the Hanoi
/// Party Committee), built-in tags that every checklist may use.
public enum FocusArea: Int, CaseIterable, Hashable, Sendable {
  /// Responsibility, public-service ethics and civilised conduct.
  case responsibilityAndEthics = 1
  /// Order and respect for discipline, compliance, a change of working style.
  case disciplineAndCompliance = 2
  /// Exemplary conduct under Quy định 55-QĐ/TW.
  case exemplaryConduct = 3

  /// The tag id: `focus-2017-1`, `focus-2017-2` or `focus-2017-3`.
  public var tag: String {
    // Literals, not built from the number: scoring asks for the tag of every area for every item.
    switch self {
    case .responsibilityAndEthics: "focus-2017-1"
    case .disciplineAndCompliance: "focus-2017-2"
    case .exemplaryConduct: "focus-2017-3"
    }
  }

  /// The focus area a tag names, if it names one.
  public init?(tag: String) {
    guard let area = FocusArea.allCases.first(where: { $0.tag == tag }) else { return nil }
    self = area
  }

  /// Title in both languages.
  public var title: LocalizedText {
    switch self {
    case .responsibilityAndEthics:
      LocalizedText(
        vi: "Trách nhiệm, đạo đức công vụ, ứng xử văn minh",
        en: "Responsibility, public-service ethics, civilised conduct")
    case .disciplineAndCompliance:
      LocalizedText(
        vi: "Nền nếp, kỷ luật, kỷ cương; đổi mới lề lối, tác phong",
        en: "Order and discipline, compliance, working style")
    case .exemplaryConduct:
      LocalizedText(
        vi: "Gương mẫu thực hiện Quy định 55-QĐ/TW",
        en: "Exemplary conduct under Quy định 55-QĐ/TW")
    }
  }
}
