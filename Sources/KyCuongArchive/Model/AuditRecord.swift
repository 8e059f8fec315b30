import Foundation

/// One audit as the archive keeps it: the visit, the scores re-derived from its items, its item results and
/// its corrective actions.
///
/// Every score here is computed by the archive from the items of the document it was read from (through
/// ``ArchiveDocument``); the `scores` an export carries are never copied.
public struct AuditRecord: Hashable, Sendable {
  /// The audit's id (`20261121-0930-ubnd-phuong-hang-bac-3f9a`).
  public var id: String
  /// The inspected unit's name, as written in the audit.
  public var unit: String
  /// The unit's name folded for matching (lower case, no diacritics, single spaces): `ubnd phuong hang bac`.
  public var unitKey: String
  /// The unit's address, if recorded.
  public var unitAddress: String?
  /// The checklist's id.
  public var checklistID: String
  /// The checklist's version.
  public var checklistVersion: String
  /// `sha256:` and the digest of the checklist snapshot the audit used.
  public var checklistDigest: String
  /// `scheduled` or `surprise`.
  public var visitType: String
  /// When the visit started.
  public var startedAt: Date
  /// When the audit was finished, if it was.
  public var finishedAt: Date?
  /// The team leader.
  public var leader: String
  /// The other members of the team.
  public var members: [String]
  /// Number of events in the audit's log.
  public var eventCount: Int
  /// The scoring model the scores were computed with (the checklist's).
  public var scoringModel: String
  /// Overall score 0…100, re-derived; `nil` when no item has a score.
  public var overallScore: Double?
  /// The rating band's id (`excellent`, `good`, …), re-derived.
  public var ratingID: String?
  /// Whether a failed critical item forced the lowest rating.
  public var ratingForcedByCriticalFailure: Bool
  /// Ids of the critical items that failed, in checklist order.
  public var criticalFailures: [String]
  /// Applicable items answered.
  public var answeredItems: Int
  /// Applicable items skipped ("not checked").
  public var skippedItems: Int
  /// Items that apply.
  public var applicableItems: Int
  /// Scores per focus-area tag, re-derived.
  public var focusAreas: [FocusAreaResult]
  /// Every item of the checklist, in checklist order.
  public var items: [ItemResult]
  /// The corrective actions, in the order they were recorded.
  public var actions: [ActionRecord]

  /// Creates a record.
  public init(
    id: String, unit: String, unitKey: String, unitAddress: String?, checklistID: String,
    checklistVersion: String, checklistDigest: String, visitType: String, startedAt: Date, finishedAt: Date?,
    leader: String, members: [String], eventCount: Int, scoringModel: String, overallScore: Double?,
    ratingID: String?, ratingForcedByCriticalFailure: Bool, criticalFailures: [String], answeredItems: Int,
    skippedItems: Int, applicableItems: Int, focusAreas: [FocusAreaResult], items: [ItemResult],
    actions: [ActionRecord]
  ) {
    self.id = id
    self.unit = unit
    self.unitKey = unitKey
    self.unitAddress = unitAddress
    self.checklistID = checklistID
    self.checklistVersion = checklistVersion
    self.checklistDigest = checklistDigest
    self.visitType = visitType
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.leader = leader
    self.members = members
    self.eventCount = eventCount
    self.scoringModel = scoringModel
    self.overallScore = overallScore
    self.ratingID = ratingID
    self.ratingForcedByCriticalFailure = ratingForcedByCriticalFailure
    self.criticalFailures = criticalFailures
    self.answeredItems = answeredItems
    self.skippedItems = skippedItems
    self.applicableItems = applicableItems
    self.focusAreas = focusAreas
    self.items = items
    self.actions = actions
  }
}
