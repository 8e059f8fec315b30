import KyCuong

/// One item's result in an archived audit.
public struct ItemResult: Hashable, Sendable {
  /// The item's id (`BADGE-01`).
  public var itemID: ItemID
  /// Its place in the checklist, from 0.
  public var position: Int
  /// Its section's id.
  public var sectionID: String
  /// Its kind.
  public var kind: ItemKind.Name
  /// Its weight.
  public var weight: Double
  /// Whether it is critical.
  public var critical: Bool
  /// Its tags, focus areas among them (`focus-2017-2`).
  public var tags: [String]
  /// Whether it applied (its condition held).
  public var applicable: Bool
  /// Answered, skipped or unanswered.
  public var status: ItemStatus
  /// The answer's name when answered (``/KyCuong/Outcome/name``: `pass`, `partial`, `fail`, `notApplicable`,
  /// `observation`, `scale`, `text`, `yes`, `no`).
  public var outcome: String?
  /// Score 0…1, re-derived; `nil` when not scored.
  public var score: Double?

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - itemID: The item's id.
  ///   - position: Its place in the checklist, from 0.
  ///   - sectionID: Its section's id.
  ///   - kind: Its kind.
  ///   - weight: Its weight.
  ///   - critical: Whether it is critical.
  ///   - tags: Its tags.
  ///   - applicable: Whether it applied.
  ///   - status: Answered, skipped or unanswered.
  ///   - outcome: The answer's name, when answered.
  ///   - score: Its score 0…1, `nil` when not scored.
  public init(
    itemID: ItemID, position: Int, sectionID: String, kind: ItemKind.Name, weight: Double, critical: Bool,
    tags: [String], applicable: Bool, status: ItemStatus, outcome: String?, score: Double?
  ) {
    self.itemID = itemID
    self.position = position
    self.sectionID = sectionID
    self.kind = kind
    self.weight = weight
    self.critical = critical
    self.tags = tags
    self.applicable = applicable
    self.status = status
    self.outcome = outcome
    self.score = score
  }

  /// How the item counts in a summary: passed (it applies and scores 1), failed (it applies and scores
  /// below 1) or not assessed (``/KyCuong/AuditExport/ItemResult``'s rule).
  public var verdict: ItemVerdict {
    guard applicable, let score else { return .notAssessed }
    return score < 1 ? .failed : .passed
  }
}

/// Whether an item passed, failed or was not assessed in an audit.
public enum ItemVerdict: Character, Hashable, Sendable {
  /// It applies and scores 1.
  case passed = "p"
  /// It applies and scores below 1.
  case failed = "f"
  /// Not scored (unanswered, skipped, not applicable, a text item).
  case notAssessed = "."
}
