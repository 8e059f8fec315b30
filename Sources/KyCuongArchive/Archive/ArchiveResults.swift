import Foundation
import KyCuong

/// An audit as archived: its facts, the document they come from and every document received for it.
public struct ArchivedAudit: Hashable, Sendable {
  /// The facts of the current state.
  public var record: AuditRecord
  /// The SHA-256 of the document the facts come from.
  public var currentDocument: String
  /// Every document of the audit, in the order received.
  public var documents: [StoredDocument]
  /// Its corrective actions (``AuditRecord/actions``) with their settlement.
  public var actions: [ArchivedAction]
  /// The files kept as evidence that its bundles carried, once per SHA-256, in the order received.
  public var attachments: [ArchivedAttachment] = []
}

/// One line of an audit listing.
public struct AuditListEntry: Hashable, Sendable {
  /// The audit's id.
  public var auditID: String
  /// The unit's name.
  public var unit: String
  /// The checklist's id.
  public var checklistID: String
  /// The checklist's version.
  public var checklistVersion: String
  /// Scheduled or surprise.
  public var visitType: VisitType
  /// Start of the visit.
  public var startedAt: Date
  /// End, if finished.
  public var finishedAt: Date?
  /// The team leader.
  public var leader: String
  /// Overall score, re-derived.
  public var overallScore: Double?
  /// Rating band id.
  public var ratingID: String?
  /// Whether the rating is the lowest band because a critical item failed, whatever the score (a 94.3
  /// rated "Không hoàn thành"): ``criticalItems`` says which.
  public var ratingForcedByCriticalFailure: Bool
  /// Number of failed critical items.
  public var criticalFailures: Int
  /// The failed critical items, in checklist order.
  public var criticalItems: [ItemID]
}

/// A corrective action across the archive, with the audit that asked for it and its settlement.
///
/// The settlement rule is the department summary's (``/KyCuong/AuditSummary``): an action is **settled** when a later
/// audit of the same unit and checklist shows the item it remedies passing; ``settledBy`` names the first
/// such audit. An action that remedies no item is never settled by an audit.
public struct ArchivedAction: Hashable, Sendable {
  /// The audit that recorded it.
  public var auditID: String
  /// The unit.
  public var unit: String
  /// The audit's checklist.
  public var checklistID: String
  /// When that audit started.
  public var auditStartedAt: Date
  /// The action.
  public var action: ActionRecord
  /// The first later audit of the unit and checklist in which the action's item passes, if any.
  public var settledBy: String?
  /// When that audit started.
  public var settledAt: Date?

  /// Where the action stands on `today`.
  ///
  /// - Parameter today: The day deadlines are measured against.
  /// - Returns: Settled, overdue (due before `today`) or open.
  public func state(on today: CalendarDate) -> ActionState {
    if settledBy != nil { return .settled }
    return action.due < today ? .overdue : .open
  }
}

/// Where a corrective action stands.
public enum ActionState: String, CaseIterable, Hashable, Sendable {
  /// Not settled, its deadline not passed.
  case open
  /// Not settled, its deadline passed.
  case overdue
  /// A later audit of the unit shows its item passing.
  case settled
}

/// An audit's scores at one point of a unit's trend.
public struct TrendPoint: Hashable, Sendable {
  /// The audit.
  public var audit: AuditListEntry
  /// Its score per focus-area tag (`nil`: none of the area's items was scored).
  public var focusAreas: [String: Double?]
}

/// How many rows each table holds: for checks, tests and `archive init`.
public struct ArchiveStatistics: Hashable, Sendable {
  /// Stored documents.
  public var documents: Int
  /// Audits.
  public var audits: Int
  /// Item results.
  public var itemResults: Int
  /// Focus-area scores.
  public var focusAreaScores: Int
  /// Corrective actions.
  public var correctiveActions: Int
  /// Checklist versions.
  public var checklists: Int
  /// Checklist items.
  public var checklistItems: Int
  /// Registered keys.
  public var keys: Int
  /// Entries of the import log.
  public var importLogEntries: Int
  /// Of them, refusals.
  public var refusals: Int
  /// Attachments kept (each file once, by SHA-256).
  public var attachments: Int = 0
}

/// A line of the import log.
public struct ImportLogEntry: Hashable, Sendable {
  /// What became of a document.
  public enum Outcome: Hashable, Sendable {
    /// Archived, relating to the archive as said.
    case archived(DocumentRelation)
    /// Refused for breaking `rule`.
    case refused(ImportRefusal.Rule)
  }

  /// Its number, increasing in the order of the imports.
  public var entry: Int
  /// When.
  public var at: Date
  /// The file's name.
  public var fileName: String
  /// The SHA-256 of its bytes (empty when they could not be read).
  public var sha256: String
  /// Who sent it.
  public var receivedFrom: String
  /// Archived or refused.
  public var outcome: Outcome
  /// The audit, when known.
  public var auditID: String?
  /// The refusal's detail, or an accepted document's warnings.
  public var reason: String?
}
