import Foundation
import KyCuong
import SQLKit

extension DepartmentArchive {
  /// The department summary of the archived audits: the same ``/KyCuong/AuditSummary`` `kycuong report summary`
  /// makes from the same documents, computed by queries.
  ///
  /// The audits are read in the summary's order (start, then id) as one stream of rows, each holding what
  /// the summary needs (scores, rating, focus-area scores, and one verdict per item instead of fifty item
  /// rows), and folded with the summary's own running figures (``/KyCuong/AuditSummary/GroupTally``,
  /// ``/KyCuong/AuditSummary/ItemTally``): memory stays flat in the number of audits. Overdue actions come from the
  /// settlement the archive keeps (``ArchivedAction``); files are the stored documents, and a document of an
  /// audit another document also holds is a duplicate.
  ///
  /// - Parameters:
  ///   - filter: Which audits to count.
  ///   - today: Actions due before it are overdue.
  /// - Returns: The summary.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func summary(
    filter: SummaryFilter = SummaryFilter(), today: CalendarDate
  ) async throws(ArchiveError)
    -> AuditSummary
  {
    let backend = self.backend
    return try await withConnection("summarising the archive") { connection in
      let db = connection.sql
      func count(_ statement: SQLQueryString) async throws -> Int {
        try await db.raw(statement).first(decodingColumn: "n", as: Int.self) ?? 0
      }
      let documents = try await count("SELECT count(*) AS n FROM documents")
      let audits = try await count("SELECT count(*) AS n FROM audits")
      let warnings = try await db.raw(
        """
        SELECT l.file_name, l.reason FROM import_log l JOIN documents d ON d.import_entry = l.entry \
        WHERE l.reason IS NOT NULL ORDER BY \(unsafeRaw: backend.binary("l.file_name")), l.entry
        """
      ).all().map { row in
        SkippedFile(
          path: try row.decode(column: "file_name", as: String.self),
          reason: "stored figures differ from the items (counted as the items give): "
            + (try row.decode(column: "reason", as: String.self)))
      }
      let checklists = try await SummaryChecklists.load(on: db)
      let fold = SummaryFold(filter: filter, checklists: checklists)
      try await db.raw(ArchiveQuery.summaryAudits(filter).sql(backend)).run { row in fold.add(row) }
      if let error = fold.error { throw error }
      let overdue = try await db.raw(ArchiveQuery.summaryOverdue(filter, today: today).sql(backend)).all()
        .map { row in
          AuditSummary.OverdueAction(
            audit: try row.decode(column: "audit_id", as: String.self),
            unit: try row.decode(column: "unit", as: String.self),
            what: try row.decode(column: "what", as: String.self),
            owner: try row.decode(column: "owner", as: String.self),
            due: try decodeColumn(
              try row.decode(column: "due_on", as: String.self), "corrective_actions.due_on",
              CalendarDate.init),
            item: try row.decodeIfPresent(column: "item_id", as: String.self).map { ItemID($0) }, today: today
          )
        }
      return fold.summary(
        filesRead: documents, audits: audits, duplicates: documents - audits, warnings: warnings,
        today: today,
        overdue: overdue)
    }
  }
}

/// Every archived checklist version's title and items, by digest: the few snapshots thousands of audits
/// share, read once.
struct SummaryChecklists: Sendable {
  struct Version: Sendable {
    var checklistID: String
    var title: LocalizedText
    var items: [ChecklistRecord.Item]
    var positions: [ItemID: Int]
  }

  var versions: [String: Version]

  static func load(on db: any SQLDatabase) async throws -> SummaryChecklists {
    let titles = try await db.raw("SELECT digest, checklist_id, title_vi, title_en FROM checklists").all()
    var versions: [String: Version] = [:]
    for row in titles {
      versions[try row.decode(column: "digest", as: String.self)] = Version(
        checklistID: try row.decode(column: "checklist_id", as: String.self),
        title: LocalizedText(
          vi: try row.decode(column: "title_vi", as: String.self),
          en: try row.decodeIfPresent(column: "title_en", as: String.self)),
        items: [], positions: [:])
    }
    let items = try await db.raw("SELECT * FROM checklist_items ORDER BY checklist_digest, position")
      .all(ChecklistItemRow.self)
    for row in items {
      let item = row.item
      versions[row.checklistDigest]?.positions[item.itemID] = item.position
      versions[row.checklistDigest]?.items.append(item)
    }
    return SummaryChecklists(versions: versions)
  }
}

/// The summary's running figures over the stream of audit rows. The rows arrive one at a time on the
/// connection's thread, in order; the lock only makes the hand-over to the caller safe.
final class SummaryFold: @unchecked Sendable {
  private let filter: SummaryFilter
  private let checklists: SummaryChecklists
  private let lock = NSLock()
  private(set) var error: (any Error)?

  private var kept = 0
  private var total = AuditSummary.GroupTally()
  private var units: [String: AuditSummary.GroupTally] = [:]
  private var checklistGroups: [String: (title: LocalizedText, tally: AuditSummary.GroupTally)] = [:]
  private var months: [String: AuditSummary.GroupTally] = [:]
  private var focusGroups: [Int: AuditSummary.GroupTally] = [:]
  private var critical: [AuditSummary.CriticalFailure] = []
  /// Per checklist digest and item position: audits that assessed it, that failed it, and the index of the
  /// first audit that assessed it (the item's text is that audit's).
  private var itemCounts: [String: [(assessed: Int, failures: Int, first: Int)]] = [:]

  /// The focus areas' columns of ``ArchiveQuery/summaryAudits(_:)``, by the area's position.
  private static let tagColumns = FocusArea.allCases.indices.map { "tag\($0)" }
  private static let scoreColumns = FocusArea.allCases.indices.map { "score\($0)" }

  init(filter: SummaryFilter, checklists: SummaryChecklists) {
    self.filter = filter
    self.checklists = checklists
  }

  func add(_ row: any SQLRow) {
    lock.withLock {
      guard error == nil else { return }
      do {
        try fold(row)
      } catch {
        self.error = error
      }
    }
  }

  private func fold(_ row: any SQLRow) throws {
    let auditID = try row.decode(column: "audit_id", as: String.self)
    let unit = try row.decode(column: "unit", as: String.self)
    let checklist = try row.decode(column: "checklist_id", as: String.self)
    let digest = try row.decode(column: "checklist_digest", as: String.self)
    let dayText = try row.decode(column: "started_on", as: String.self)
    let day = try decodeColumn(dayText, "audits.started_on", CalendarDate.init)
    let overall = try row.decodeIfPresent(column: "overall_score", as: Double.self)
    var rating: RatingBand?
    if let id = try row.decodeIfPresent(column: "rating_id", as: String.self) {
      rating = RatingBand(
        id: id, from: try row.decode(column: "rating_from", as: Double.self),
        to: try row.decode(column: "rating_to", as: Double.self),
        label: LocalizedText(
          vi: try row.decode(column: "rating_label_vi", as: String.self),
          en: try row.decodeIfPresent(column: "rating_label_en", as: String.self)))
    }
    guard let version = checklists.versions[digest] else {
      throw ArchiveRowError(column: "audits.checklist_digest", value: digest)
    }
    let index = kept
    kept += 1
    total.add(score: overall, rating: rating)
    units[unit, default: AuditSummary.GroupTally()].add(score: overall, rating: rating)
    checklistGroups[checklist, default: (version.title, AuditSummary.GroupTally())].tally.add(
      score: overall, rating: rating)
    months[day.monthDescription, default: AuditSummary.GroupTally()].add(score: overall, rating: rating)
    for (position, area) in FocusArea.allCases.enumerated() where filter.focus == nil || filter.focus == area
    {
      guard try !row.decodeNil(column: Self.tagColumns[position]) else { continue }
      focusGroups[position, default: AuditSummary.GroupTally()].add(
        score: try row.decodeIfPresent(column: Self.scoreColumns[position], as: Double.self), rating: rating)
    }
    let focusTag = filter.focus?.tag
    let verdicts = try row.decode(column: "verdicts", as: String.self)
    var counts = itemCounts[digest] ?? Array(repeating: (0, 0, 0), count: version.items.count)
    for (position, verdict) in verdicts.utf8.enumerated() where verdict != UInt8(ascii: ".") {
      guard position < version.items.count else { break }
      if let focusTag, !version.items[position].tags.contains(focusTag) { continue }
      if counts[position].assessed == 0 { counts[position].first = index }
      counts[position].assessed += 1
      if verdict == UInt8(ascii: "f") { counts[position].failures += 1 }
    }
    itemCounts[digest] = counts
    let criticalItems = try row.decode(column: "critical_items", as: String.self)
    for id in criticalItems.split(separator: " ").map({ ItemID(String($0)) }) {
      let item = version.positions[id].map { version.items[$0] }
      if let focusTag, !(item?.tags.contains(focusTag) ?? false) { continue }
      critical.append(
        AuditSummary.CriticalFailure(
          audit: auditID, unit: unit, visitedOn: day, checklist: checklist, item: id,
          text: item?.text ?? LocalizedText(vi: id.rawValue)))
    }
  }

  func summary(
    filesRead: Int, audits: Int, duplicates: Int, warnings: [SkippedFile], today: CalendarDate,
    overdue: [AuditSummary.OverdueAction]
  ) -> AuditSummary {
    lock.withLock {
      // The items in the order their first assessment came, so that each keeps that audit's text.
      var firstSeen:
        [(first: Int, checklist: String, item: ChecklistRecord.Item, failures: Int, assessed: Int)] =
          []
      for (digest, counts) in itemCounts {
        guard let version = checklists.versions[digest] else { continue }
        let checklist = version.checklistID
        for (position, count) in counts.enumerated() where count.assessed > 0 {
          firstSeen.append((count.first, checklist, version.items[position], count.failures, count.assessed))
        }
      }
      var items = AuditSummary.ItemTally()
      for entry in firstSeen.sorted(by: { $0.first < $1.first }) {
        items.add(
          entry.item.itemID, checklist: entry.checklist, text: entry.item.text, failures: entry.failures,
          assessed: entry.assessed)
      }
      let focus = FocusArea.allCases.enumerated().compactMap { position, area -> AuditSummary.Group? in
        focusGroups[position]?.group(key: area.tag, label: area.title)
      }
      return AuditSummary(
        filesRead: filesRead, audits: kept, filteredOut: audits - kept, duplicates: duplicates, skipped: [],
        warnings: warnings, today: today, total: total.group(key: "total", label: AuditSummary.totalLabel),
        units: units.sorted { $0.key < $1.key }.map {
          $0.value.group(key: $0.key, label: LocalizedText(vi: $0.key))
        },
        checklists: checklistGroups.sorted { $0.key < $1.key }.map {
          $0.value.tally.group(key: $0.key, label: $0.value.title)
        },
        focusAreas: focus,
        months: months.sorted { $0.key < $1.key }.map {
          $0.value.group(key: $0.key, label: LocalizedText(vi: $0.key))
        },
        failingItems: items.items, criticalFailures: critical, overdueActions: overdue)
    }
  }
}
