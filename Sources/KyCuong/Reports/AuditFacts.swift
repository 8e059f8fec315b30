import Foundation
import KyCuongAudit
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// The figures of one audit that the summary needs, derived from its export (never from the figures the
/// export stores: an edited `scores` does not change the summary).
public struct AuditFacts: Hashable, Sendable {
  /// A scored item.
  public struct ItemFact: Hashable, Sendable {
    /// The item's id.
    public var id: ItemID
    /// Its text.
    public var text: LocalizedText
    /// Whether it is critical.
    public var critical: Bool
    /// Its tags.
    public var tags: [String]
    /// Its score 0…1 (only scored items are kept).
    public var score: Double
  }

  /// A corrective action, without who recorded it.
  public struct CorrectiveActionFact: Hashable, Sendable, Codable {
    /// What must be done.
    public var what: String
    /// Who is responsible.
    public var owner: String
    /// Deadline.
    public var due: CalendarDate
    /// The item it remedies, if any.
    public var item: ItemID?
  }

  /// The audit's id.
  public var id: String
  /// The file it was read from.
  public var file: String
  /// Number of events (to keep the most recent of a log and its export).
  public var eventCount: Int
  /// The unit's name.
  public var unit: String
  /// The checklist's id.
  public var checklist: String
  /// The checklist's version.
  public var checklistVersion: String
  /// The checklist's title.
  public var checklistTitle: LocalizedText
  /// Start of the visit.
  public var startedAt: Date
  /// Overall score, re-derived from the items.
  public var overall: Double?
  /// Rating band, re-derived.
  public var rating: RatingBand?
  /// Score per focus-area tag, re-derived.
  public var focusAreas: [String: Double?]
  /// The scored items, in checklist order.
  public var items: [ItemFact]
  /// Ids of the critical items that failed.
  public var criticalFailures: [ItemID]
  /// Corrective actions.
  public var actions: [CorrectiveActionFact]
  /// Where the export's stored figures differ from what its items give (the summary warns of these).
  public var inconsistencies: [ExportInconsistency]

  /// The facts of an export.
  ///
  /// - Parameters:
  ///   - export: The export, read and checked.
  ///   - file: The file it came from.
  public init(_ export: AuditExport, file: String) {
    id = export.audit.id
    self.file = file
    eventCount = export.audit.eventCount
    unit = export.audit.unit.name
    checklist = export.checklist.id
    checklistVersion = export.checklist.version
    checklistTitle = export.checklist.title
    startedAt = export.audit.startedAt
    let scores = export.rescore()
    overall = scores.overall
    rating = scores.rating
    focusAreas = Dictionary(
      scores.focusAreas.map { ($0.tag, $0.score) }, uniquingKeysWith: { first, _ in first })
    let snapshot = export.checklist.snapshot
    let results = export.itemResults
    items = snapshot.items.compactMap { item in
      guard let result = results[item.id], result.applicable, let score = result.score else { return nil }
      return ItemFact(id: item.id, text: item.text, critical: item.critical, tags: item.tags, score: score)
    }
    criticalFailures = scores.criticalFailures
    actions = export.correctiveActions.map {
      CorrectiveActionFact(what: $0.what, owner: $0.owner, due: $0.due, item: $0.item)
    }
    inconsistencies = export.inconsistencies
  }
}
