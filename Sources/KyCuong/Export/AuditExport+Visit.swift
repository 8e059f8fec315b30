import Foundation
import KyCuongAudit
import KyCuongModel
import KyCuongSupport

extension AuditExport {
  /// The visit: who inspected whom, how and when.
  public struct Visit: Hashable, Sendable, Codable {
    /// The audit's id.
    public var id: String
    /// The inspected unit.
    public var unit: InspectedUnit
    /// The team.
    public var team: InspectionTeam
    /// Scheduled or surprise.
    public var visitType: VisitType
    /// Start time.
    public var startedAt: Date
    /// End time, if finished.
    public var finishedAt: Date?
    /// Number of events in the audit's log.
    public var eventCount: Int
    /// The province, level and kind of unit; absent in exports of audits recorded before it was asked.
    public var context: AuditContext?
  }
}
