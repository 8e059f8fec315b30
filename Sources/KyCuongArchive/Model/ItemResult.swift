/// One item's result in an archived audit.
public struct ItemResult: Hashable, Sendable {
  /// The item's id (`BADGE-01`).
  public var itemID: String
  /// Its place in the checklist, from 0.
  public var position: Int
  /// Its section's id.
  public var sectionID: String
  /// `check`, `observation`, `scale` or `text`.
  public var kind: String
  /// Its weight.
  public var weight: Double
  /// Whether it is critical.
  public var critical: Bool
  /// Its tags, focus areas among them (`focus-2017-2`).
  public var tags: [String]
  /// Whether it applied (its condition held).
  public var applicable: Bool
  /// `answered`, `skipped` or `unanswered`.
  public var status: String
  /// The answer's name when answered (`pass`, `partial`, `fail`, `notApplicable`, `observation`, `scale`,
  /// `text`).
  public var outcome: String?
  /// Score 0…1, re-derived; `nil` when not scored.
  public var score: Double?

  /// Creates a result.
  public init(
    itemID: String, position: Int, sectionID: String, kind: String, weight: Double, critical: Bool,
    tags: [String], applicable: Bool, status: String, outcome: String?, score: Double?
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
}
