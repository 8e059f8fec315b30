/// The kind of answer an item takes.
public enum ItemKind: Hashable, Sendable {
  /// Pass, partial, fail or not applicable.
  case check
  /// *M* compliant of *N* observed: badge and dress checks sample the staff present.
  case observation
  /// An integer from 0 to `max`.
  case scale(max: Int)
  /// Free text, recorded and never scored.
  case text
  /// A yes/no question that is not a rule (does the unit prescribe a uniform?): it reads "Có"/"Không",
  /// is never scored, and usually decides whether later items apply.
  case yesNo

  /// The kinds' names in checklist files and exports.
  public enum Name: String, CaseIterable, Hashable, Sendable, Codable {
    /// `check`.
    case check
    /// `observation`.
    case observation
    /// `scale`.
    case scale
    /// `text`.
    case text
    /// `yesNo`.
    case yesNo
  }

  /// The kind's name in files: `check`, `observation`, `scale`, `text` or `yesNo`.
  public var name: Name {
    switch self {
    case .check: .check
    case .observation: .observation
    case .scale: .scale
    case .text: .text
    case .yesNo: .yesNo
    }
  }

  /// Whether answers of this kind are ever scored (`text` and `yesNo` are not).
  public var isScored: Bool {
    switch self {
    case .check, .observation, .scale: true
    case .text, .yesNo: false
    }
  }
}
