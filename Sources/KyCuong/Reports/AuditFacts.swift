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
    self.init(
      id: export.audit.id, file: file, eventCount: export.audit.eventCount, unit: export.audit.unit.name,
      checklist: export.checklist.id, checklistVersion: export.checklist.version,
      checklistTitle: export.checklist.title, startedAt: export.audit.startedAt,
      finished: export.audit.finishedAt != nil, context: export.audit.context,
      snapshot: export.checklist.snapshot, states: export.states,
      actions: export.correctiveActions.map {
        CorrectiveActionFact(what: $0.what, owner: $0.owner, due: $0.due, item: $0.item)
      },
      stored: AuditExport.StoredFigures(export))
  }

  /// The facts of an audit from its parts, every score derived from the items.
  ///
  /// - Parameters:
  ///   - id: The audit's id.
  ///   - file: The file it came from.
  ///   - eventCount: The number of events its log has.
  ///   - unit: The unit's name.
  ///   - checklist: The checklist's id.
  ///   - checklistVersion: Its version.
  ///   - checklistTitle: Its title.
  ///   - startedAt: The start of the visit.
  ///   - finished: Whether the audit is finished.
  ///   - context: The audit's context.
  ///   - snapshot: The checklist snapshot.
  ///   - states: Each item's state by id.
  ///   - actions: The corrective actions.
  ///   - stored: The figures the export stores, to compare with the derived ones.
  package init(
    id: String, file: String, eventCount: Int, unit: String, checklist: String, checklistVersion: String,
    checklistTitle: LocalizedText, startedAt: Date, finished: Bool, context: AuditContext?,
    snapshot: Checklist,
    states: [ItemID: ItemState], actions: [CorrectiveActionFact], stored: AuditExport.StoredFigures
  ) {
    self.id = id
    self.file = file
    self.eventCount = eventCount
    self.unit = unit
    self.checklist = checklist
    self.checklistVersion = checklistVersion
    self.checklistTitle = checklistTitle
    self.startedAt = startedAt
    let day = CalendarDate(startedAt, in: .vietnam)
    let applicability = Applicability(checklist: snapshot, states: states, context: context, day: day)
    let scores = Scorer.score(
      checklist: snapshot, states: states, applicability: applicability, model: nil, finished: finished)
    overall = scores.overall
    rating = scores.rating
    focusAreas = Dictionary(
      scores.focusAreas.map { ($0.tag, $0.score) }, uniquingKeysWith: { first, _ in first })
    let credit = snapshot.scoring.partialCredit
    var items: [ItemFact] = []
    for section in snapshot.sections {
      // Read in place through a buffer, not copied: an item holds a dozen texts and lists.
      section.items.withUnsafeBufferPointer { all in
        for index in all.indices where applicability.isApplicable(all[index].id) {
          guard let score = all[index].score(for: states[all[index].id] ?? .unanswered, partialCredit: credit)
          else { continue }
          items.append(
            ItemFact(
              id: all[index].id, text: all[index].text, critical: all[index].critical, tags: all[index].tags,
              score: score))
        }
      }
    }
    self.items = items
    criticalFailures = scores.criticalFailures
    self.actions = actions
    inconsistencies = AuditExport.inconsistencies(
      of: stored, snapshot: snapshot, states: states, context: context, day: day, finished: finished,
      derived: stored.model == scores.model ? scores : nil, applicability: applicability)
  }
}
