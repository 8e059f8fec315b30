import Foundation
import KyCuongAudit
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// The summary across many audits: per unit, checklist, focus area and month, the number of audits, the mean
/// score and the distribution of ratings; the ranking of units; the items that fail most often; every
/// critical failure; corrective actions past their deadline.
///
/// An item **fails** when it applies and scores below 1 (see ``AuditComparison``). A corrective action is
/// past its deadline when its `due` day is before `today`, unless a later audit of the same unit and
/// checklist shows the item it remedies passing.
public struct AuditSummary: Hashable, Sendable, Codable {
  /// Files looked at.
  public var filesRead: Int
  /// Audits counted (after filters and without duplicates).
  public var audits: Int
  /// Audits read but left out by the filters.
  public var filteredOut: Int
  /// Files holding an audit already read from another file.
  public var duplicates: Int
  /// Files skipped, with the reason.
  public var skipped: [SkippedFile]
  /// Files read despite damage, with the damage.
  public var warnings: [SkippedFile]
  /// The day overdue actions are measured against.
  public var today: CalendarDate
  /// All audits together.
  public var total: Group
  /// Per unit, by name.
  public var units: [Group]
  /// Per checklist, by id.
  public var checklists: [Group]
  /// Per focus area, in order 1, 2, 3.
  public var focusAreas: [Group]
  /// Per month of the visit (Vietnam time), oldest first.
  public var months: [Group]
  /// Units by mean score, best first.
  public var ranking: [Rank]
  /// Items by number of failures, most first (those that failed at least once).
  public var failingItems: [ItemFailures]
  /// Every critical failure, oldest first.
  public var criticalFailures: [CriticalFailure]
  /// Corrective actions past their deadline, longest overdue first.
  public var overdueActions: [OverdueAction]

  /// Summarises what `reading` found, keeping the audits `filter` lets through.
  ///
  /// - Parameters:
  ///   - reading: The audits read, with the files skipped.
  ///   - filter: Which audits to count.
  ///   - today: Actions due before it are overdue.
  ///   - timeZone: Where days and months are counted (Vietnam's by default).
  public init(
    _ reading: SummaryReader.Result, filter: SummaryFilter, today: CalendarDate,
    timeZone: TimeZone = .vietnam
  ) {
    let focusTag = filter.focus?.tag
    let kept = reading.audits.filter { facts in
      let day = CalendarDate(facts.startedAt, in: timeZone)
      if let unit = filter.unit, !VietnameseFolding.contains(facts.unit, unit) { return false }
      if let checklist = filter.checklist, facts.checklist != checklist { return false }
      if let from = filter.from, day < from { return false }
      if let to = filter.to, day > to { return false }
      if let focusTag, !facts.items.contains(where: { $0.tags.contains(focusTag) }),
        facts.focusAreas[focusTag] == nil
      {
        return false
      }
      return true
    }
    filesRead = reading.files
    audits = kept.count
    filteredOut = reading.audits.count - kept.count
    duplicates = reading.duplicates
    skipped = reading.skipped
    warnings = reading.warnings
    self.today = today

    func group(
      key: String, label: LocalizedText, _ audits: [AuditFacts], score: (AuditFacts) -> Double?
    )
      -> Group
    {
      var tally = GroupTally()
      for audit in audits { tally.add(score: score(audit), rating: audit.rating) }
      return tally.group(key: key, label: label)
    }
    func grouped(by key: (AuditFacts) -> String) -> [(key: String, audits: [AuditFacts])] {
      Dictionary(grouping: kept, by: key).map { ($0.key, $0.value) }.sorted { $0.key < $1.key }
    }

    total = group(key: "total", label: Self.totalLabel, kept, score: \.overall)
    units = grouped(by: \.unit).map {
      group(key: $0.key, label: LocalizedText(vi: $0.key), $0.audits, score: \.overall)
    }
    checklists = grouped(by: \.checklist).map {
      group(
        key: $0.key, label: $0.audits.first?.checklistTitle ?? LocalizedText(vi: $0.key), $0.audits,
        score: \.overall)
    }
    focusAreas = FocusArea.allCases.compactMap { area in
      if let focus = filter.focus, focus != area { return nil }
      let having = kept.filter { $0.focusAreas[area.tag] != nil }
      guard !having.isEmpty else { return nil }
      return group(key: area.tag, label: area.title, having) { $0.focusAreas[area.tag] ?? nil }
    }
    months = grouped { ReportFormatting.month($0.startedAt, timeZone: timeZone) }.map {
      group(key: $0.key, label: LocalizedText(vi: $0.key), $0.audits, score: \.overall)
    }

    ranking = Self.ranking(of: units)

    var tally = ItemTally()
    var critical: [CriticalFailure] = []
    for audit in kept {
      for item in audit.items where focusTag.map({ item.tags.contains($0) }) ?? true {
        tally.add(item.id, checklist: audit.checklist, text: item.text, failed: item.score < 1)
      }
      if audit.criticalFailures.isEmpty { continue }
      let texts = Dictionary(audit.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      for id in audit.criticalFailures {
        if let focusTag, !(texts[id]?.tags.contains(focusTag) ?? false) { continue }
        critical.append(
          CriticalFailure(
            audit: audit.id, unit: audit.unit,
            date: CalendarDate(audit.startedAt, in: timeZone),
            checklist: audit.checklist, item: id, text: texts[id]?.text ?? LocalizedText(vi: id.rawValue)))
      }
    }
    failingItems = Self.ordered(tally.items)
    criticalFailures = critical

    // An action is settled when a later audit of the same unit and checklist shows its item passing: keep,
    // per unit and checklist, the last time each item passed (one pass over the audits, not one per action).
    var lastPass: [String: [ItemID: Date]] = [:]
    for audit in kept {
      let key = "\(audit.unit)\u{0}\(audit.checklist)"
      for item in audit.items where item.score == 1 {
        lastPass[key, default: [:]][item.id] = max(lastPass[key]?[item.id] ?? .distantPast, audit.startedAt)
      }
    }
    var overdue: [OverdueAction] = []
    for audit in kept {
      for action in audit.actions where action.due < today {
        if let item = action.item, let passed = lastPass["\(audit.unit)\u{0}\(audit.checklist)"]?[item],
          passed > audit.startedAt
        {
          continue
        }
        overdue.append(
          OverdueAction(
            audit: audit.id, unit: audit.unit, what: action.what, owner: action.owner, due: action.due,
            item: action.item, today: today))
      }
    }
    overdueActions = Self.ordered(overdue)
  }

  /// The summary as JSON: sorted keys, pretty-printed.
  ///
  /// - Returns: The bytes of the file.
  /// - Throws: An `EncodingError` only for a value that cannot be JSON.
  public func jsonData() throws -> Data {
    try JSONCoding.fileData(self)
  }
}
