import KyCuongModel
import KyCuongSupport

/// A figure stored in an export that is not what the export's own items give: the export was edited after
/// it was written (a `verify` of its digests says so too), or written by a faulty tool.
public enum ExportInconsistency: Hashable, Sendable, CustomStringConvertible {
  /// `scores.overall`.
  case overallScore(stored: Double?, derived: Double?)
  /// `scores.rating`, by band id.
  case rating(stored: String?, derived: String?)
  /// `scores.criticalFailures`.
  case criticalFailures(stored: [ItemID], derived: [ItemID])
  /// An item's `applicable`.
  case itemApplicability(ItemID, stored: Bool)
  /// An item's `score`.
  case itemScore(ItemID, stored: Double?, derived: Double?)

  /// What differs, in English.
  public var description: String {
    func score(_ value: Double?) -> String { value.map { NumberFormatting.number($0) } ?? "none" }
    switch self {
    case .overallScore(let stored, let derived):
      return "scores.overall is \(score(stored)) but the items give \(score(derived))"
    case .rating(let stored, let derived):
      return "scores.rating is \(stored ?? "none") but the items give \(derived ?? "none")"
    case .criticalFailures(let stored, let derived):
      let list = { (ids: [ItemID]) in ids.isEmpty ? "none" : ids.map(\.rawValue).joined(separator: ", ") }
      return "scores.criticalFailures is \(list(stored)) but the items give \(list(derived))"
    case .itemApplicability(let item, let stored):
      return "\(item) says it \(stored ? "applies" : "does not apply"), but its condition says otherwise"
    case .itemScore(let item, let stored, let derived):
      return "\(item) has the score \(score(stored)) but its answer gives \(score(derived))"
    }
  }
}
