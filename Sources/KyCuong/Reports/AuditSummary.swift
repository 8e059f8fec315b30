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
      let scores = audits.compactMap(score)
      var counts: [String: (band: RatingBand?, count: Int)] = [:]
      for audit in audits {
        let id = audit.rating?.id ?? "none"
        counts[id, default: (audit.rating, 0)].count += 1
      }
      let ratings = counts.sorted { lhs, rhs in
        switch (lhs.value.band, rhs.value.band) {
        case (let left?, let right?):
          return left.from != right.from ? left.from > right.from : lhs.key < rhs.key
        case (nil, _): return false
        case (_, nil): return true
        }
      }.map { id, value in
        RatingCount(
          id: id, label: value.band?.label ?? LocalizedText(vi: "Chưa có điểm", en: "No score"),
          count: value.count)
      }
      return Group(
        key: key, label: label, audits: audits.count, scored: scores.count,
        meanScore: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count), ratings: ratings)
    }
    func grouped(by key: (AuditFacts) -> String) -> [(key: String, audits: [AuditFacts])] {
      Dictionary(grouping: kept, by: key).map { ($0.key, $0.value) }.sorted { $0.key < $1.key }
    }

    total = group(key: "total", label: LocalizedText(vi: "Tất cả", en: "All"), kept, score: \.overall)
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

    let ordered = units.sorted { lhs, rhs in
      switch (lhs.meanScore, rhs.meanScore) {
      case (let left?, let right?): return left != right ? left > right : lhs.key < rhs.key
      case (nil, nil): return lhs.key < rhs.key
      case (nil, _): return false
      case (_, nil): return true
      }
    }
    var ranking: [Rank] = []
    for (index, unit) in ordered.enumerated() {
      let rank =
        index > 0 && ranking[index - 1].meanScore == unit.meanScore ? ranking[index - 1].rank : index + 1
      ranking.append(Rank(rank: rank, unit: unit.key, meanScore: unit.meanScore, audits: unit.audits))
    }
    self.ranking = ranking

    struct ItemKey: Hashable {
      var checklist: String
      var item: ItemID
    }
    var tally: [ItemKey: ItemFailures] = [:]
    var critical: [CriticalFailure] = []
    for audit in kept {
      for item in audit.items where focusTag.map({ item.tags.contains($0) }) ?? true {
        let key = ItemKey(checklist: audit.checklist, item: item.id)
        tally[
          key,
          default: ItemFailures(
            checklist: audit.checklist, item: item.id, text: item.text, failures: 0, assessed: 0)
        ]
        .assessed += 1
        if item.score < 1 { tally[key]?.failures += 1 }
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
    failingItems = tally.values.filter { $0.failures > 0 }.sorted {
      ($0.failures, $1.checklist, $1.item) > ($1.failures, $0.checklist, $0.item)
    }
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
            item: action.item, daysOverdue: action.due.days(to: today)))
      }
    }
    overdueActions = overdue.sorted { ($0.daysOverdue, $1.audit) > ($1.daysOverdue, $0.audit) }
  }

  /// The summary as JSON: sorted keys, pretty-printed.
  ///
  /// - Returns: The bytes of the file.
  /// - Throws: An `EncodingError` only for a value that cannot be JSON.
  public func jsonData() throws -> Data {
    try JSONCoding.fileData(self)
  }
}
