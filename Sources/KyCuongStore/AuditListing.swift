import Foundation
import KyCuong

/// One line of the audit list: what was inspected, with what, when, how far along.
///
/// The store keeps each log's listing in its index (Codable), so that listing the store replays only the
/// logs that changed.
public struct AuditListing: Hashable, Sendable, Codable {
  /// The audit's id.
  public var id: String
  /// The inspected unit's name.
  public var unit: String
  /// The checklist's id.
  public var checklist: String
  /// When it started.
  public var startedAt: Date
  /// When it was finished, if it was.
  public var finishedAt: Date?
  /// Applicable items answered.
  public var answered: Int
  /// Items that apply, given the answers so far.
  public var applicable: Int

  /// Whether the audit is closed.
  public var isFinished: Bool { finishedAt != nil }

  /// Summarises `audit`.
  ///
  /// - Parameter audit: The audit.
  public init(_ audit: Audit) {
    let completeness = audit.score().completeness
    self.id = audit.id
    self.unit = audit.header.unit.name
    self.checklist = audit.checklist.id
    self.startedAt = audit.startedAt
    self.finishedAt = audit.finishedAt
    self.answered = completeness.answered
    self.applicable = completeness.applicable
  }
}
