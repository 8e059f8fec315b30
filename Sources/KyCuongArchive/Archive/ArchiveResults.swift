import Foundation

/// An audit as archived: its facts, the document they come from and every document received for it.
public struct ArchivedAudit: Hashable, Sendable {
  /// The facts of the current state.
  public var record: AuditRecord
  /// The SHA-256 of the document the facts come from.
  public var currentDocument: String
  /// Every document of the audit, in the order received.
  public var documents: [StoredDocument]
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
  /// `scheduled` or `surprise`.
  public var visitType: String
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
  /// Number of failed critical items.
  public var criticalFailures: Int
}

/// A corrective action past its deadline.
public struct OverdueAction: Hashable, Sendable {
  /// The audit that recorded it.
  public var auditID: String
  /// The unit.
  public var unit: String
  /// When that audit started.
  public var auditStartedAt: Date
  /// The action.
  public var action: ActionRecord
}

/// An audit's scores at one point of a unit's trend.
public struct TrendPoint: Hashable, Sendable {
  /// The audit.
  public var audit: AuditListEntry
  /// Its score per focus-area tag (`nil`: none of the area's items was scored).
  public var focusAreas: [String: Double?]
}

/// How many rows each table holds: for checks, tests and `archive status`.
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
}

/// A line of the import log.
public struct ImportLogEntry: Hashable, Sendable {
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
  /// `first`, `same-state`, `later-version` or `refused`.
  public var outcome: String
  /// The audit, when known.
  public var auditID: String?
  /// The rule a refusal broke.
  public var rule: String?
  /// The refusal's detail, or an accepted document's warnings.
  public var reason: String?
}
