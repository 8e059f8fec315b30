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
    /// The decision setting up the team and the inspection plan, when recorded.
    public var basis: LegalBasis?
    /// The body that set up the team, when recorded.
    public var issuingBody: String?
    /// The number of staff present, when counted.
    public var staffPresent: Int?
    /// The record's pages and copies, when recorded.
    public var recordDetails: RecordDetails?
    /// Those who refused to sign, and why; absent when nobody did.
    public var refusals: [SignatureRefusal]?
    /// The signing of the record, once signed.
    public var signing: Signing?
    /// Why the audit was reopened, each time; absent when it never was.
    public var reopenings: [Remark]?
  }
}
