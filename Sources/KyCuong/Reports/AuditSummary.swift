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
    var totals = Accumulator(filter: filter, today: today, timeZone: timeZone)
    for facts in reading.audits { totals.add(facts) }
    self.init(
      totals, files: reading.files, duplicates: reading.duplicates, skipped: reading.skipped,
      warnings: reading.warnings)
  }

  /// Reads `files` and summarises them as they are read: each worker folds its audits into running totals,
  /// merged at the end, so memory does not grow with the number of audits (see ``SummaryReader``).
  ///
  /// - Parameters:
  ///   - files: Exports and logs (``SummaryReader/auditFiles(in:extensions:)`` lists a folder's).
  ///   - filter: Which audits to count.
  ///   - today: Actions due before it are overdue.
  ///   - timeZone: Where days and months are counted (Vietnam's by default).
  ///   - checkLog: What to warn of in a file read as an event log, given its bytes (the executable checks the
  ///     hash chain there; the core library has no hash code); nothing by default.
  public init(
    files: [URL], filter: SummaryFilter, today: CalendarDate, timeZone: TimeZone = .vietnam,
    checkLog: (@Sendable (Data) -> [String])? = nil
  ) {
    let read = SummaryReader.fold(
      files, into: Accumulator(filter: filter, today: today, timeZone: timeZone), checkLog: checkLog)
    self.init(
      read.totals, files: files.count, duplicates: read.duplicates, skipped: read.skipped,
      warnings: read.warnings)
  }

  /// The summary of the folded totals.
  init(_ totals: Accumulator, files: Int, duplicates: Int, skipped: [SkippedFile], warnings: [SkippedFile]) {
    filesRead = files
    audits = totals.kept
    filteredOut = totals.filteredOut
    self.duplicates = duplicates
    self.skipped = skipped
    self.warnings = warnings
    today = totals.today

    total = totals.total.group(key: "total", label: Self.totalLabel)
    units = totals.units.sorted { $0.key < $1.key }.map {
      $0.value.group(key: $0.key, label: LocalizedText(vi: $0.key))
    }
    checklists = totals.checklists.sorted { $0.key < $1.key }.map {
      $0.value.group(key: $0.key, label: totals.checklistTitles[$0.key]?.value ?? LocalizedText(vi: $0.key))
    }
    focusAreas = FocusArea.allCases.compactMap { area in
      totals.focusAreas[area.tag].map { $0.group(key: area.tag, label: area.title) }
    }
    months = totals.months.sorted { $0.key < $1.key }.map {
      $0.value.group(key: $0.key, label: LocalizedText(vi: $0.key))
    }

    ranking = Self.ranking(of: units)

    failingItems = Self.ordered(
      totals.items.flatMap { checklist, tallies in
        tallies.map { item, tally in
          ItemFailures(
            checklist: checklist, item: item, text: tally.text.value, failures: tally.failures,
            assessed: tally.assessed)
        }
      })
    // Oldest audit first; within one audit, in checklist order (the order they were found in).
    criticalFailures = totals.critical.enumerated().sorted { lhs, rhs in
      lhs.element.order != rhs.element.order ? lhs.element.order < rhs.element.order : lhs.offset < rhs.offset
    }.map(\.element.failure)
    overdueActions = totals.overdueCandidates.sorted { lhs, rhs in
      if lhs.action.daysOverdue != rhs.action.daysOverdue {
        return lhs.action.daysOverdue > rhs.action.daysOverdue
      }
      if lhs.action.audit != rhs.action.audit { return lhs.action.audit < rhs.action.audit }
      return (lhs.order, lhs.position) < (rhs.order, rhs.position)
    }.map(\.action)
  }

  /// The summary as JSON: sorted keys, pretty-printed.
  ///
  /// - Returns: The bytes of the file.
  /// - Throws: An `EncodingError` only for a value that cannot be JSON.
  public func jsonData() throws -> Data {
    try JSONCoding.fileData(self)
  }
}
