import Foundation
import KyCuong

/// One audit as the archive keeps it: the visit, the scores re-derived from its items, its item results and
/// its corrective actions.
///
/// Every score here is computed by the archive from the items of the document it was read from (through
/// ``ArchiveDocument``, with ``/KyCuong/AuditExport/rescore(model:)`` and ``/KyCuong/AuditExport/itemResults``); the `scores`
/// an export carries are never copied.
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
  /// Scheduled or surprise.
  public var visitType: VisitType
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
  public var scoringModel: ScoringModel
  /// Overall score 0…100, re-derived; `nil` when no item has a score.
  public var overallScore: Double?
  /// The rating band, re-derived.
  public var rating: RatingBand?
  /// Whether a failed critical item forced the lowest rating.
  public var ratingForcedByCriticalFailure: Bool
  /// Ids of the critical items that failed, in checklist order.
  public var criticalFailures: [ItemID]
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
  ///
  /// - Parameters:
  ///   - id: The audit's id.
  ///   - unit: The unit's name.
  ///   - unitKey: The name folded for matching.
  ///   - unitAddress: The unit's address.
  ///   - checklistID: The checklist's id.
  ///   - checklistVersion: The checklist's version.
  ///   - checklistDigest: The snapshot's digest.
  ///   - visitType: Scheduled or surprise.
  ///   - startedAt: Start of the visit.
  ///   - finishedAt: End, if finished.
  ///   - leader: The team leader.
  ///   - members: The other members.
  ///   - eventCount: Events in the log.
  ///   - scoringModel: The scoring model.
  ///   - overallScore: The overall score.
  ///   - rating: The rating band.
  ///   - ratingForcedByCriticalFailure: Whether a critical failure forced the rating.
  ///   - criticalFailures: Failed critical items.
  ///   - answeredItems: Applicable items answered.
  ///   - skippedItems: Applicable items skipped.
  ///   - applicableItems: Items that apply.
  ///   - focusAreas: Scores per focus area.
  ///   - items: Every item's result.
  ///   - actions: The corrective actions.
  public init(
    id: String, unit: String, unitKey: String, unitAddress: String?, checklistID: String,
    checklistVersion: String, checklistDigest: String, visitType: VisitType, startedAt: Date,
    finishedAt: Date?, leader: String, members: [String], eventCount: Int, scoringModel: ScoringModel,
    overallScore: Double?, rating: RatingBand?, ratingForcedByCriticalFailure: Bool,
    criticalFailures: [ItemID], answeredItems: Int, skippedItems: Int, applicableItems: Int,
    focusAreas: [FocusAreaResult], items: [ItemResult], actions: [ActionRecord]
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
    self.rating = rating
    self.ratingForcedByCriticalFailure = ratingForcedByCriticalFailure
    self.criticalFailures = criticalFailures
    self.answeredItems = answeredItems
    self.skippedItems = skippedItems
    self.applicableItems = applicableItems
    self.focusAreas = focusAreas
    self.items = items
    self.actions = actions
  }

  /// Each item's verdict in checklist order, one character each (`p` passed, `f` failed, `.` not assessed):
  /// what the summary reads instead of the item rows.
  public var verdicts: String {
    String(items.map(\.verdict.rawValue))
  }
}
