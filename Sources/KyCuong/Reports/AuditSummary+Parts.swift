import Foundation
import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

extension AuditSummary {
  /// Number of audits with each rating.
  public struct RatingCount: Hashable, Sendable, Codable {
    /// Band id (`good`), or `none` for audits without a score.
    public var id: String
    /// Band label.
    public var label: LocalizedText
    /// Number of audits.
    public var count: Int
  }

  /// The figures of one group of audits.
  public struct Group: Hashable, Sendable, Codable {
    /// Unit name, checklist id, focus-area tag or month `YYYY-MM`.
    public var key: String
    /// What to show for it.
    public var label: LocalizedText
    /// Number of audits.
    public var audits: Int
    /// Number of them with a score.
    public var scored: Int
    /// Mean score of those with a score (for a focus area, its own score), 0…100.
    public var meanScore: Double?
    /// Ratings of the audits, best band first, `none` last.
    public var ratings: [RatingCount]
  }

  /// A unit's place in the ranking.
  public struct Rank: Hashable, Sendable, Codable {
    /// 1 for the best mean score; units with equal means share a rank.
    public var rank: Int
    /// The unit.
    public var unit: String
    /// Its mean score.
    public var meanScore: Double?
    /// Its number of audits.
    public var audits: Int
  }

  /// An item and how often it failed.
  public struct ItemFailures: Hashable, Sendable, Codable {
    /// The checklist.
    public var checklist: String
    /// The item's id.
    public var item: ItemID
    /// Its text.
    public var text: LocalizedText
    /// Audits where it failed.
    public var failures: Int
    /// Audits where it was scored.
    public var assessed: Int
  }

  /// A failed critical item in one audit.
  public struct CriticalFailure: Hashable, Sendable, Codable {
    /// The audit.
    public var audit: String
    /// The unit.
    public var unit: String
    /// Day of the visit.
    public var date: CalendarDate
    /// The checklist.
    public var checklist: String
    /// The item.
    public var item: ItemID
    /// Its text.
    public var text: LocalizedText
  }

  /// A corrective action past its deadline.
  public struct OverdueAction: Hashable, Sendable, Codable {
    /// The audit that asked for it.
    public var audit: String
    /// The unit.
    public var unit: String
    /// What must be done.
    public var what: String
    /// Who is responsible.
    public var owner: String
    /// Deadline.
    public var due: CalendarDate
    /// The item it remedies, if any.
    public var item: ItemID?
    /// Days past the deadline on `today`.
    public var daysOverdue: Int
  }
}
