import Foundation
import KyCuongAudit
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

extension AuditSummary {
  /// Running totals of a summary: audits are folded in one at a time, in any order, and forgotten; workers
  /// fold their share each into their own, merged at the end. Memory grows with the units, checklists, items
  /// and months, and with what the summary lists (critical failures, actions past their deadline), not with
  /// the number of audits.
  ///
  /// The result does not depend on the order: sums of scores are exact (scores are multiples of 10⁻⁹, summed
  /// as integers), and where the summary shows one audit's text for many (a checklist's title, an item's
  /// text, a band's label) it is the earliest audit's, by start time then id, as if the audits were read in
  /// that order.
  struct Accumulator {
    let filter: SummaryFilter
    let today: CalendarDate
    let timeZone: TimeZone
    var kept = 0
    var filteredOut = 0
    var total = Totals()
    var units: [String: Totals] = [:]
    var checklists: [String: Totals] = [:]
    var checklistTitles: [String: Earliest<LocalizedText>] = [:]
    var focusAreas: [String: Totals] = [:]
    var months: [String: Totals] = [:]
    /// Per checklist, per item: how often it was assessed and failed.
    var items: [String: [ItemID: ItemTally]] = [:]
    var critical: [(order: Order, failure: CriticalFailure)] = []
    /// Per unit and checklist, the corrective actions due before `today` that no later audit folded in so far
    /// settles: one is dropped as soon as a later pass of its item is seen, so that what is kept is what the
    /// report lists, plus what the audits still to come may settle.
    var candidates: [UnitChecklist: [Candidate]] = [:]
    /// Per unit and checklist, the last time each item passed: an action is settled when a later audit of
    /// the same unit and checklist shows its item passing.
    var lastPass: [UnitChecklist: [ItemID: Date]] = [:]

    init(filter: SummaryFilter, today: CalendarDate, timeZone: TimeZone) {
      self.filter = filter
      self.today = today
      self.timeZone = timeZone
    }

    /// Where an audit stands in the order the summary lists audits in: start time, then id.
    struct Order: Comparable {
      var startedAt: Date
      var id: String

      static func < (lhs: Order, rhs: Order) -> Bool { (lhs.startedAt, lhs.id) < (rhs.startedAt, rhs.id) }
    }

    /// A value with the audit it came from; of two, the earlier audit's is kept.
    struct Earliest<Value> {
      var order: Order
      var value: Value

      mutating func offer(_ other: Earliest<Value>) {
        if other.order < order { self = other }
      }
    }

    struct ItemTally {
      var text: Earliest<LocalizedText>
      var failures = 0
      var assessed = 0
    }

    struct UnitChecklist: Hashable {
      var unit: String
      var checklist: String
    }

    /// A corrective action due before `today`, overdue unless a later audit settles it.
    struct Candidate {
      var order: Order
      var position: Int
      var place: UnitChecklist
      var action: OverdueAction
    }

    /// The figures of one group, summed as audits come.
    struct Totals {
      var audits = 0
      var scores = ExactSum()
      var ratings: [String: Earliest<RatingBand?>] = [:]
      var ratingCounts: [String: Int] = [:]

      mutating func add(_ facts: AuditFacts, order: Order, score: Double?) {
        audits += 1
        if let score { scores.add(score) }
        let id = facts.rating?.id ?? "none"
        ratingCounts[id, default: 0] += 1
        let band = Earliest(order: order, value: facts.rating)
        if ratings[id] == nil { ratings[id] = band } else { ratings[id]?.offer(band) }
      }

      mutating func merge(_ other: Totals) {
        audits += other.audits
        scores.merge(other.scores)
        ratingCounts.merge(other.ratingCounts, uniquingKeysWith: +)
        ratings.merge(other.ratings) { mine, theirs in
          var kept = mine
          kept.offer(theirs)
          return kept
        }
      }

      func group(key: String, label: LocalizedText) -> Group {
        Group(
          key: key, label: label, audits: audits, scored: scores.count, meanScore: scores.mean,
          ratings: AuditSummary.ratingCounts(
            ratings.map { (id: $0.key, band: $0.value.value, count: ratingCounts[$0.key] ?? 0) }))
      }
    }

    /// Whether the filter counts `facts`, which started on `day`.
    func admits(_ facts: AuditFacts, day: CalendarDate) -> Bool {
      if let unit = filter.unit, !VietnameseFolding.contains(facts.unit, unit) { return false }
      if let checklist = filter.checklist, facts.checklist != checklist { return false }
      if let from = filter.from, day < from { return false }
      if let to = filter.to, day > to { return false }
      if let tag = filter.focus?.tag, !facts.items.contains(where: { $0.tags.contains(tag) }),
        facts.focusAreas[tag] == nil
      {
        return false
      }
      return true
    }

    /// Folds one audit in (or counts it as filtered out).
    mutating func add(_ facts: AuditFacts) {
      let day = CalendarDate(facts.startedAt, in: timeZone)
      guard admits(facts, day: day) else {
        filteredOut += 1
        return
      }
      kept += 1
      let order = Order(startedAt: facts.startedAt, id: facts.id)
      let focusTag = filter.focus?.tag
      total.add(facts, order: order, score: facts.overall)
      units[facts.unit, default: Totals()].add(facts, order: order, score: facts.overall)
      checklists[facts.checklist, default: Totals()].add(facts, order: order, score: facts.overall)
      if let title = checklistTitles[facts.checklist], title.order < order {
        // An earlier audit's title stays.
      } else {
        checklistTitles[facts.checklist] = Earliest(order: order, value: facts.checklistTitle)
      }
      for area in FocusArea.allCases where filter.focus == nil || filter.focus == area {
        guard let score = facts.focusAreas[area.tag] else { continue }
        focusAreas[area.tag, default: Totals()].add(facts, order: order, score: score)
      }
      months[day.monthDescription, default: Totals()].add(facts, order: order, score: facts.overall)

      let place = UnitChecklist(unit: facts.unit, checklist: facts.checklist)
      // One lookup per audit, not per item.
      var passes = lastPass.removeValue(forKey: place) ?? [:]
      var tallies = items.removeValue(forKey: facts.checklist) ?? [:]
      for item in facts.items {
        if item.score == 1, passes[item.id].map({ $0 < facts.startedAt }) ?? true {
          passes[item.id] = facts.startedAt
        }
        if let focusTag, !item.tags.contains(focusTag) { continue }
        let failed = item.score < 1 ? 1 : 0
        if var tally = tallies[item.id] {
          if order < tally.text.order { tally.text = Earliest(order: order, value: item.text) }
          tally.assessed += 1
          tally.failures += failed
          tallies[item.id] = tally
        } else {
          tallies[item.id] = ItemTally(
            text: Earliest(order: order, value: item.text), failures: failed, assessed: 1)
        }
      }
      lastPass[place] = passes
      items[facts.checklist] = tallies
      if !facts.criticalFailures.isEmpty {
        for id in facts.criticalFailures {
          let item = facts.items.first { $0.id == id }
          if let focusTag, !(item?.tags.contains(focusTag) ?? false) { continue }
          critical.append(
            (
              order,
              CriticalFailure(
                audit: facts.id, unit: facts.unit, date: day, checklist: facts.checklist, item: id,
                text: item?.text ?? LocalizedText(vi: id.rawValue))
            ))
        }
      }
      var open = candidates.removeValue(forKey: place) ?? []
      for (position, action) in facts.actions.enumerated() where action.due < today {
        open.append(
          Candidate(
            order: order, position: position, place: place,
            action: OverdueAction(
              audit: facts.id, unit: facts.unit, what: action.what, owner: action.owner, due: action.due,
              item: action.item, daysOverdue: action.due.days(to: today))))
      }
      if !open.isEmpty { candidates[place] = Self.unsettled(open, passes: passes) }
    }

    /// The candidates that `passes` (the last time each item passed, for their unit and checklist) does not
    /// settle: an action stays overdue unless its item passed in a later audit.
    static func unsettled(_ candidates: [Candidate], passes: [ItemID: Date]) -> [Candidate] {
      candidates.filter { candidate in
        guard let item = candidate.action.item, let passed = passes[item] else { return true }
        return passed <= candidate.order.startedAt
      }
    }

    /// Every candidate still unsettled by the audits folded in.
    var overdueCandidates: [Candidate] {
      candidates.flatMap { place, open in Self.unsettled(open, passes: lastPass[place] ?? [:]) }
    }

    /// Adds another worker's totals.
    mutating func merge(_ other: Accumulator) {
      kept += other.kept
      filteredOut += other.filteredOut
      total.merge(other.total)
      for (key, totals) in other.units { units[key, default: Totals()].merge(totals) }
      for (key, totals) in other.checklists { checklists[key, default: Totals()].merge(totals) }
      checklistTitles.merge(other.checklistTitles) { mine, theirs in
        var kept = mine
        kept.offer(theirs)
        return kept
      }
      for (key, totals) in other.focusAreas { focusAreas[key, default: Totals()].merge(totals) }
      for (key, totals) in other.months { months[key, default: Totals()].merge(totals) }
      for (checklist, tallies) in other.items {
        items[checklist, default: [:]].merge(tallies) { mine, theirs in
          var merged = mine
          merged.text.offer(theirs.text)
          merged.failures += theirs.failures
          merged.assessed += theirs.assessed
          return merged
        }
      }
      critical += other.critical
      for (place, passes) in other.lastPass {
        lastPass[place, default: [:]].merge(passes) { max($0, $1) }
      }
      for (place, open) in other.candidates {
        candidates[place] = Self.unsettled((candidates[place] ?? []) + open, passes: lastPass[place] ?? [:])
      }
    }
  }
}
