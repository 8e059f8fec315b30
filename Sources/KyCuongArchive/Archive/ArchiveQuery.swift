import KyCuong
import SQLKit

/// The archive's questions as SQL, one text for both backends (SQLKit binds `?1` on SQLite, `$1` on
/// PostgreSQL), so that ``DepartmentArchive/explain(_:)`` shows the plan of exactly the statement the
/// archive runs. Benchmarks/archive/README.md shows the plans on 100,000 audits.
public enum ArchiveQuery: Hashable, Sendable {
  /// "Every audit of this ward since 2024": a unit (by name; diacritics and case ignored) from a day on
  /// (Vietnam time). Index `audits_by_unit (unit_key, started_at, audit_id)`.
  case auditsOfUnit(unit: String, since: CalendarDate?)
  /// A listing with filters (`archive list`), oldest first, at most `limit` rows when given.
  case audits(AuditFilter, limit: Int?)
  /// "Which corrective actions are overdue across the province": unsettled actions due before `asOf`.
  /// Partial index `actions_open_by_due (due_on, audit_id, position) WHERE settled_by IS NULL`.
  case overdueActions(asOf: CalendarDate)
  /// Corrective actions with filters (`archive actions`), by deadline, at most `limit` rows when given.
  case actions(ActionFilter, limit: Int?)
  /// "How did this unit's score move": the audits of a unit (its folded name exactly) in time order, with
  /// scores and ratings. Index `audits_by_unit`.
  case scoreTrend(unit: String)
  /// The same, per focus area. Indexes `audits_by_unit`, then `focus_area_scores`' primary key.
  case focusAreaTrend(unit: String)
  /// "Who sent this": a document by the SHA-256 of its bytes. The primary key of `documents`.
  case document(sha256: String)
  /// "What did this leader sign": documents by signing key. Index `documents_by_signer`.
  case documentsSigned(fingerprint: String)
  /// The department summary's audits, in the summary's order (start, then id). Index `audits_by_start`
  /// (`audits_by_checklist` with a checklist), focus-area scores by primary key.
  case summaryAudits(SummaryFilter)
  /// The summary's overdue actions: unsettled (among the audits the filter keeps) and due before `today`.
  case summaryOverdue(SummaryFilter, today: CalendarDate)

  /// The statement on `backend`.
  func sql(_ backend: ArchiveBackend) -> SQLQueryString {
    let audit = backend.binary("audit_id")
    switch self {
    case .auditsOfUnit(let unit, let since):
      var statement: SQLQueryString =
        "SELECT \(unsafeRaw: Self.listColumns) FROM audits WHERE unit_key = \(bind: ArchiveDocument.unitKey(unit))"
      if let since { statement += " AND started_at >= \(bind: ArchiveTime.startOfDay(since))" }
      return statement + " ORDER BY started_at, \(unsafeRaw: audit)"
    case .audits(let filter, let limit):
      let conditions = Self.conditions(filter)
      return "SELECT \(unsafeRaw: Self.listColumns) FROM audits"
        + Self.whereClause(conditions) + " ORDER BY started_at, \(unsafeRaw: audit)" + Self.limit(limit)
    case .overdueActions(let day):
      return """
        SELECT \(unsafeRaw: Self.actionColumns) FROM corrective_actions \
        WHERE settled_by IS NULL AND due_on < \(bind: day.description) ORDER BY due_on, \(unsafeRaw: audit), position
        """
    case .actions(let filter, let limit):
      var conditions: [SQLQueryString] = []
      switch filter.state {
      case .open?:
        conditions.append("settled_by IS NULL AND due_on >= \(bind: filter.today.description)")
      case .overdue?:
        conditions.append("settled_by IS NULL AND due_on < \(bind: filter.today.description)")
      case .settled?: conditions.append("settled_by IS NOT NULL")
      case nil: break
      }
      if let unit = filter.unit { conditions.append("unit_key LIKE \(bind: Self.pattern(unit)) ESCAPE '\\'") }
      if let checklist = filter.checklist { conditions.append("checklist_id = \(bind: checklist)") }
      return "SELECT \(unsafeRaw: Self.actionColumns) FROM corrective_actions" + Self.whereClause(conditions)
        + " ORDER BY due_on, \(unsafeRaw: audit), position" + Self.limit(limit)
    case .scoreTrend(let unit):
      return """
        SELECT \(unsafeRaw: Self.listColumns) FROM audits WHERE unit_key = \(bind: ArchiveDocument.unitKey(unit)) \
        ORDER BY started_at, \(unsafeRaw: audit)
        """
    case .focusAreaTrend(let unit):
      return """
        SELECT f.audit_id, f.tag, f.score, f.scored_items FROM audits a \
        JOIN focus_area_scores f ON f.audit_id = a.audit_id \
        WHERE a.unit_key = \(bind: ArchiveDocument.unitKey(unit)) \
        ORDER BY a.started_at, \(unsafeRaw: backend.binary("a.audit_id")), f.tag
        """
    case .document(let sha256):
      return """
        SELECT \(unsafeRaw: DocumentRow.metadataColumns.joined(separator: ", ")) FROM documents \
        WHERE sha256 = \(bind: sha256)
        """
    case .documentsSigned(let fingerprint):
      return """
        SELECT \(unsafeRaw: DocumentRow.metadataColumns.joined(separator: ", ")) FROM documents \
        WHERE signer_fingerprint = \(bind: fingerprint) ORDER BY import_entry
        """
    case .summaryAudits(let filter):
      let focus = FocusArea.allCases.enumerated().map { index, area in
        "LEFT JOIN focus_area_scores f\(index) ON f\(index).audit_id = a.audit_id AND f\(index).tag = '\(area.tag)'"
      }
      let scores = FocusArea.allCases.indices.map { "f\($0).tag AS tag\($0), f\($0).score AS score\($0)" }
      return "SELECT a.audit_id, a.unit, a.checklist_id, a.checklist_digest, a.started_at, a.started_on, "
        + "a.overall_score, a.rating_id, a.rating_from, a.rating_to, a.rating_label_vi, a.rating_label_en, "
        + "a.critical_items, a.verdicts, \(unsafeRaw: scores.joined(separator: ", ")) FROM audits a "
        + "\(unsafeRaw: focus.joined(separator: " "))" + Self.whereClause(Self.conditions(filter, alias: "a"))
        + " ORDER BY a.started_at, \(unsafeRaw: backend.binary("a.audit_id"))"
    case .summaryOverdue(let filter, let today):
      var conditions = Self.conditions(filter, alias: "a")
      conditions.append("c.due_on < \(bind: today.description)")
      if let focus = filter.focus {
        // The settling audit must be one the summary counts, and the first later pass may not be: search.
        var kept: [SQLQueryString] = [
          "EXISTS (SELECT 1 FROM focus_area_scores g WHERE g.audit_id = b.audit_id AND g.tag = \(bind: focus.tag))"
        ]
        if let to = filter.to { kept.append("b.started_on <= \(bind: to.description)") }
        conditions.append(
          "NOT EXISTS (SELECT 1 FROM audits b JOIN item_results r ON r.audit_id = b.audit_id "
            + "AND r.item_id = c.item_id WHERE b.unit = c.unit AND b.checklist_id = c.checklist_id "
            + "AND b.started_at > c.audit_started_at AND r.score = 1 AND " + kept.joined(separator: " AND ")
            + ")")
      } else if let to = filter.to {
        // Settled first by an audit after the last day counted: not settled in this summary.
        conditions.append(
          "(c.settled_by IS NULL OR c.settled_at >= \(bind: ArchiveTime.startOfDay(to.adding(days: 1))))")
      } else {
        conditions.append("c.settled_by IS NULL")
      }
      return "SELECT c.audit_id, c.unit, c.what, c.owner, c.due_on, c.item_id FROM corrective_actions c "
        + "JOIN audits a ON a.audit_id = c.audit_id" + Self.whereClause(conditions)
        + " ORDER BY a.started_at, \(unsafeRaw: backend.binary("a.audit_id")), c.position"
    }
  }

  static let listColumns =
    "audit_id, unit, checklist_id, checklist_version, visit_type, started_at, finished_at, leader, "
    + "overall_score, rating_id, rating_forced, critical_failures, critical_items"

  static let actionColumns =
    "audit_id, position, unit, unit_key, checklist_id, audit_started_at, what, owner, due_on, item_id, "
    + "recorded_by, recorded_at, settled_by, settled_at"

  /// `%text%` for LIKE over a folded column: the text folded, with LIKE's `%`, `_` and `\` escaped.
  static func pattern(_ text: String) -> String {
    var escaped = ""
    for character in ArchiveDocument.unitKey(text) {
      if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
      escaped.append(character)
    }
    return "%" + escaped + "%"
  }

  private static func whereClause(_ conditions: [SQLQueryString]) -> SQLQueryString {
    conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
  }

  private static func limit(_ limit: Int?) -> SQLQueryString {
    guard let limit, limit > 0 else { return "" }
    return " LIMIT \(literal: limit)"
  }

  private static func conditions(_ filter: AuditFilter) -> [SQLQueryString] {
    var conditions: [SQLQueryString] = []
    if let unit = filter.unit { conditions.append("unit_key LIKE \(bind: pattern(unit)) ESCAPE '\\'") }
    if let checklist = filter.checklist { conditions.append("checklist_id = \(bind: checklist)") }
    if let from = filter.from { conditions.append("started_on >= \(bind: from.description)") }
    if let to = filter.to { conditions.append("started_on <= \(bind: to.description)") }
    if let visitType = filter.visitType { conditions.append("visit_type = \(bind: visitType.rawValue)") }
    if let rating = filter.rating {
      conditions.append(rating == "none" ? "rating_id IS NULL" : "rating_id = \(bind: rating)")
    }
    if let leader = filter.leader {
      conditions.append("leader_key LIKE \(bind: pattern(leader)) ESCAPE '\\'")
    }
    return conditions
  }

  /// The summary filter's conditions on the audits (the unit's name contains the text, folded, as
  /// ``SummaryFilter/unit`` says; the focus area's items are in the checklist when its score is listed).
  private static func conditions(_ filter: SummaryFilter, alias: String) -> [SQLQueryString] {
    var conditions: [SQLQueryString] = []
    if let unit = filter.unit {
      conditions.append("\(unsafeRaw: alias).unit_key LIKE \(bind: pattern(unit)) ESCAPE '\\'")
    }
    if let checklist = filter.checklist {
      conditions.append("\(unsafeRaw: alias).checklist_id = \(bind: checklist)")
    }
    if let from = filter.from {
      conditions.append("\(unsafeRaw: alias).started_on >= \(bind: from.description)")
    }
    if let to = filter.to { conditions.append("\(unsafeRaw: alias).started_on <= \(bind: to.description)") }
    if let focus = filter.focus {
      conditions.append(
        "EXISTS (SELECT 1 FROM focus_area_scores g WHERE g.audit_id = \(unsafeRaw: alias).audit_id "
          + "AND g.tag = \(bind: focus.tag))")
    }
    return conditions
  }
}
