import Foundation
import KyCuongAudit
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

// A summary made from parts, for a tool that computes the figures elsewhere (the department archive, with
// queries): the running figures of a group and of the failing items, and the orderings, are the ones
// ``AuditSummary/init(_:filter:today:timeZone:)`` uses, so that both give the same summary for the same audits.

extension AuditSummary {
  /// Creates a summary from its parts; the ranking is derived from `units`, failing items and overdue
  /// actions are put in the summary's order.
  ///
  /// - Parameters:
  ///   - filesRead: Files (or stored documents) looked at.
  ///   - audits: Audits counted.
  ///   - filteredOut: Audits left out by the filters.
  ///   - duplicates: Files holding an audit already counted from another file.
  ///   - skipped: Files skipped, with the reason.
  ///   - warnings: Files read despite damage or with stored figures that differ from their items.
  ///   - today: The day overdue actions are measured against.
  ///   - total: All audits together.
  ///   - units: Per unit, by name.
  ///   - checklists: Per checklist, by id.
  ///   - focusAreas: Per focus area, in order 1, 2, 3.
  ///   - months: Per month, oldest first.
  ///   - failingItems: The items' failure counts (the order is the summary's own).
  ///   - criticalFailures: Every critical failure, oldest first.
  ///   - overdueActions: The overdue actions in the order of their audits (sorted here).
  public init(
    filesRead: Int, audits: Int, filteredOut: Int, duplicates: Int, skipped: [SkippedFile],
    warnings: [SkippedFile], today: CalendarDate, total: Group, units: [Group], checklists: [Group],
    focusAreas: [Group], months: [Group], failingItems: [ItemFailures], criticalFailures: [CriticalFailure],
    overdueActions: [OverdueAction]
  ) {
    self.filesRead = filesRead
    self.audits = audits
    self.filteredOut = filteredOut
    self.duplicates = duplicates
    self.skipped = skipped
    self.warnings = warnings
    self.today = today
    self.total = total
    self.units = units
    self.checklists = checklists
    self.focusAreas = focusAreas
    self.months = months
    self.ranking = Self.ranking(of: units)
    self.failingItems = Self.ordered(failingItems)
    self.criticalFailures = criticalFailures
    self.overdueActions = Self.ordered(overdueActions)
  }

  /// The label of the group of all audits.
  public static let totalLabel = LocalizedText(vi: "Tất cả", en: "All")

  /// Units by mean score, best first; equal means share a rank; units without a score last.
  ///
  /// - Parameter units: The unit groups.
  /// - Returns: The ranking.
  public static func ranking(of units: [Group]) -> [Rank] {
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
    return ranking
  }

  /// The rating counts of a group, best band first (then by id), audits without a score (`none`) last.
  ///
  /// - Parameter entries: Each rating's id, band and number of audits.
  /// - Returns: The counts in the summary's order.
  static func ratingCounts(_ entries: [(id: String, band: RatingBand?, count: Int)]) -> [RatingCount] {
    entries.sorted { lhs, rhs in
      switch (lhs.band, rhs.band) {
      case (let left?, let right?):
        return left.from != right.from ? left.from > right.from : lhs.id < rhs.id
      case (nil, _): return false
      case (_, nil): return true
      }
    }.map { entry in
      RatingCount(
        id: entry.id, label: entry.band?.label ?? LocalizedText(vi: "Chưa có điểm", en: "No score"),
        count: entry.count)
    }
  }

  /// The items that failed at least once, most failures first (then by checklist and item).
  static func ordered(_ items: [ItemFailures]) -> [ItemFailures] {
    items.filter { $0.failures > 0 }.sorted {
      ($0.failures, $1.checklist, $1.item) > ($1.failures, $0.checklist, $0.item)
    }
  }

  /// Overdue actions longest overdue first, then by audit; otherwise in the order given.
  static func ordered(_ actions: [OverdueAction]) -> [OverdueAction] {
    actions.sorted { ($0.daysOverdue, $1.audit) > ($1.daysOverdue, $0.audit) }
  }

  /// The running figures of one group of audits, added one audit at a time in the summary's order (by
  /// start, then id), so that the mean is summed in that order.
  public struct GroupTally: Sendable {
    private var audits = 0
    private var scored = 0
    private var sum = ExactSum()
    private var ratings: [String: (band: RatingBand?, count: Int)] = [:]

    /// An empty group.
    public init() {}

    /// Counts one audit.
    ///
    /// - Parameters:
    ///   - score: The score the group averages (the overall score, or a focus area's), if any.
    ///   - rating: The audit's rating band, if it has a score.
    public mutating func add(score: Double?, rating: RatingBand?) {
      audits += 1
      if let score {
        scored += 1
        sum.add(score)
      }
      let id = rating?.id ?? "none"
      ratings[id, default: (rating, 0)].count += 1
    }

    /// The group's figures.
    ///
    /// - Parameters:
    ///   - key: Unit name, checklist id, focus-area tag or month.
    ///   - label: What to show for it.
    /// - Returns: The group, ratings best band first and `none` last.
    public func group(key: String, label: LocalizedText) -> Group {
      let counts = AuditSummary.ratingCounts(
        ratings.map { (id: $0.key, band: $0.value.band, count: $0.value.count) })
      return Group(
        key: key, label: label, audits: audits, scored: scored,
        meanScore: sum.mean, ratings: counts)
    }
  }

  /// How often each item failed, added one assessed item at a time; an item's text is the first one given.
  public struct ItemTally: Sendable {
    private struct Key: Hashable {
      var checklist: String
      var item: ItemID
    }
    private var tally: [Key: ItemFailures] = [:]

    /// No item yet.
    public init() {}

    /// Counts an item assessed in one audit.
    ///
    /// - Parameters:
    ///   - item: The item's id.
    ///   - checklist: The audit's checklist id.
    ///   - text: The item's text.
    ///   - failed: Whether it failed (scored below 1).
    public mutating func add(_ item: ItemID, checklist: String, text: LocalizedText, failed: Bool) {
      add(item, checklist: checklist, text: text, failures: failed ? 1 : 0, assessed: 1)
    }

    /// Counts an item assessed in several audits at once.
    ///
    /// - Parameters:
    ///   - item: The item's id.
    ///   - checklist: The checklist id.
    ///   - text: The item's text (kept only if the item is new).
    ///   - failures: Audits in which it failed.
    ///   - assessed: Audits in which it was scored.
    public mutating func add(
      _ item: ItemID, checklist: String, text: LocalizedText, failures: Int, assessed: Int
    ) {
      let key = Key(checklist: checklist, item: item)
      tally[
        key,
        default: ItemFailures(checklist: checklist, item: item, text: text, failures: 0, assessed: 0)
      ].assessed += assessed
      tally[key]?.failures += failures
    }

    /// Every item counted, unordered.
    public var items: [ItemFailures] { Array(tally.values) }
  }
}

extension AuditSummary.CriticalFailure {
  /// Creates a critical failure.
  ///
  /// - Parameters:
  ///   - audit: The audit.
  ///   - unit: The unit.
  ///   - date: Day of the visit.
  ///   - checklist: The checklist.
  ///   - item: The item.
  ///   - text: Its text.
  public init(
    audit: String, unit: String, visitedOn date: CalendarDate, checklist: String, item: ItemID,
    text: LocalizedText
  ) {
    self.audit = audit
    self.unit = unit
    self.date = date
    self.checklist = checklist
    self.item = item
    self.text = text
  }
}

extension AuditSummary.OverdueAction {
  /// Creates an overdue action.
  ///
  /// - Parameters:
  ///   - audit: The audit that asked for it.
  ///   - unit: The unit.
  ///   - what: What must be done.
  ///   - owner: Who is responsible.
  ///   - due: The deadline.
  ///   - item: The item it remedies, if any.
  ///   - today: The day it is measured against (``daysOverdue`` is counted to it).
  public init(
    audit: String, unit: String, what: String, owner: String, due: CalendarDate, item: ItemID?,
    today: CalendarDate
  ) {
    self.audit = audit
    self.unit = unit
    self.what = what
    self.owner = owner
    self.due = due
    self.item = item
    self.daysOverdue = due.days(to: today)
  }
}
