import KyCuongAudit
import KyCuongModel
import KyCuongScoring

extension AuditExport {
  /// What an item's answer gives, derived from the snapshot and the item states rather than read from the
  /// export's stored `applicable` and `score`.
  public struct ItemResult: Hashable, Sendable {
    /// Whether the item applies.
    public var applicable: Bool
    /// Its score 0…1, `nil` when not scored (or when it does not apply).
    public var score: Double?

    /// Whether the item fails: it applies and scores below 1 (a partial answer, an observation with someone
    /// out of rule, a scale below its top).
    public var fails: Bool { applicable && (score.map { $0 < 1 } ?? false) }
    /// Whether the item passes: it applies and scores 1.
    public var passes: Bool { applicable && score == 1 }
  }

  /// Each item's derived result, by id.
  public var itemResults: [ItemID: ItemResult] {
    let applicability = self.applicability
    let snapshot = checklist.snapshot
    let credit = snapshot.scoring.partialCredit
    var results: [ItemID: ItemResult] = [:]
    for exported in items {
      guard let item = snapshot.item(withID: exported.id) else { continue }
      let applies = applicability.isApplicable(item.id)
      results[item.id] = ItemResult(
        applicable: applies, score: applies ? item.score(for: exported.state, partialCredit: credit) : nil)
    }
    return results
  }
}
