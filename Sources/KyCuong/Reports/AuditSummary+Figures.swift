import Foundation

/// The summary across many audits: per unit, checklist, focus area and month, the number of audits, the mean
/// score and the distribution of ratings; the ranking of units; the items that fail most often; every
/// critical failure; corrective actions past their deadline.
///
/// An item **fails** when it applies and scores below 1 (see ``AuditComparison``). A corrective action is
/// past its deadline when its `due` day is before `today`, unless a later audit of the same unit and
/// checklist shows the item it remedies passing.
public struct AuditSummary: Hashable, Sendable, Codable {
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
    public var item: String
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
    /// Day of the visit, `YYYY-MM-DD`.
    public var date: String
    /// The checklist.
    public var checklist: String
    /// The item.
    public var item: String
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
    public var due: String
    /// The item it remedies, if any.
    public var item: String?
    /// Days past the deadline on `today`.
    public var daysOverdue: Int
  }

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
  public var today: String
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
  ///   - today: `YYYY-MM-DD`; actions due before it are overdue.
  ///   - timeZone: Where days and months are counted (Vietnam's by default).
  public init(
    _ reading: SummaryReader.Result, filter: SummaryFilter, today: String,
    timeZone: TimeZone = ReportFormatting.vietnamTimeZone
  ) {
    let focusTag = filter.focus?.tag
    let kept = reading.audits.filter { facts in
      let day = ReportFormatting.day(facts.startedAt, timeZone: timeZone)
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
      var item: String
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
            date: ReportFormatting.day(audit.startedAt, timeZone: timeZone),
            checklist: audit.checklist, item: id, text: texts[id]?.text ?? LocalizedText(vi: id)))
      }
    }
    failingItems = tally.values.filter { $0.failures > 0 }.sorted {
      ($0.failures, $1.checklist, $1.item) > ($1.failures, $0.checklist, $0.item)
    }
    criticalFailures = critical

    // An action is settled when a later audit of the same unit and checklist shows its item passing: keep,
    // per unit and checklist, the last time each item passed (one pass over the audits, not one per action).
    var lastPass: [String: [String: Date]] = [:]
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
            item: action.item, daysOverdue: Self.days(from: action.due, to: today)))
      }
    }
    overdueActions = overdue.sorted { ($0.daysOverdue, $1.audit) > ($1.daysOverdue, $0.audit) }
  }

  /// Whole days from one `YYYY-MM-DD` to another.
  static func days(from start: String, to end: String) -> Int {
    func date(_ text: String) -> Date? { Timestamp.date(from: text + "T00:00:00Z") }
    guard let start = date(start), let end = date(end) else { return 0 }
    return Int((end.timeIntervalSince(start) / 86_400).rounded())
  }

  /// The summary as JSON: sorted keys, pretty-printed.
  public func jsonData() throws -> Data {
    let encoder = EventLog.makeEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(UInt8(ascii: "\n"))
    return data
  }
}
