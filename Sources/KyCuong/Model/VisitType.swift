/// Whether a visit was announced.
public enum VisitType: String, CaseIterable, Hashable, Sendable, Codable {
  /// A scheduled visit ("định kỳ"): the unit knew and could prepare its records.
  case scheduled
  /// A surprise visit ("đột xuất"): what the team sees is what the unit does every day.
  case surprise

  /// The name in Vietnamese and English.
  public var label: LocalizedText {
    switch self {
    case .scheduled: LocalizedText(vi: "định kỳ", en: "scheduled")
    case .surprise: LocalizedText(vi: "đột xuất", en: "surprise")
    }
  }
}
