import SQLKit

/// The archive's main questions as SQL, one text for both backends (SQLKit binds `?1` on SQLite, `$1` on
/// PostgreSQL), so that ``DepartmentArchive/explain(_:)`` shows the plan of exactly the statement the
/// archive runs.
public enum ArchiveQuery: Hashable, Sendable {
  /// "Every audit of this ward since 2024": a unit (by name; diacritics and case ignored) from a day on
  /// (`YYYY-MM-DD`, Vietnam time). Index `audits_by_unit (unit_key, started_at)`.
  case auditsOfUnit(unit: String, since: String?)
  /// "Which corrective actions are overdue across the province": due before `asOf` (`YYYY-MM-DD`). Index
  /// `actions_by_due (due_on)`.
  case overdueActions(asOf: String)
  /// "How did this unit's score move": its audits in time order (every checklist; a reader groups them),
  /// with scores and ratings. Index `audits_by_unit`.
  case scoreTrend(unit: String)
  /// The same, per focus area. Indexes `audits_by_unit`, then `focus_area_scores`' primary key.
  case focusAreaTrend(unit: String)
  /// "Who sent this": a document by the SHA-256 of its bytes. The primary key of `documents`.
  case document(sha256: String)
  /// "What did this leader sign": documents by signing key. Index `documents_by_signer`.
  case documentsSigned(fingerprint: String)

  /// The statement.
  var sql: SQLQueryString {
    switch self {
    case .auditsOfUnit(let unit, let since):
      let key = ArchiveDocument.unitKey(unit)
      if let since, let start = ArchiveTime.startOfDay(since) {
        return """
          SELECT \(unsafeRaw: Self.listColumns) FROM audits \
          WHERE unit_key = \(bind: key) AND started_at >= \(bind: start) ORDER BY started_at, audit_id
          """
      }
      return """
        SELECT \(unsafeRaw: Self.listColumns) FROM audits WHERE unit_key = \(bind: key) \
        ORDER BY started_at, audit_id
        """
    case .overdueActions(let day):
      return """
        SELECT a.audit_id, a.position, a.what, a.owner, a.due_on, a.item_id, a.recorded_by, a.recorded_at, \
        u.unit, u.started_at \
        FROM corrective_actions a JOIN audits u ON u.audit_id = a.audit_id \
        WHERE a.due_on < \(bind: day) ORDER BY a.due_on, a.audit_id, a.position
        """
    case .scoreTrend(let unit):
      return """
        SELECT \(unsafeRaw: Self.listColumns) FROM audits WHERE unit_key = \(bind: ArchiveDocument.unitKey(unit)) \
        ORDER BY started_at, audit_id
        """
    case .focusAreaTrend(let unit):
      return """
        SELECT f.audit_id, f.tag, f.score, f.scored_items FROM audits a \
        JOIN focus_area_scores f ON f.audit_id = a.audit_id \
        WHERE a.unit_key = \(bind: ArchiveDocument.unitKey(unit)) ORDER BY a.started_at, a.audit_id, f.tag
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
    }
  }

  static let listColumns =
    "audit_id, unit, checklist_id, checklist_version, visit_type, started_at, finished_at, leader, "
    + "overall_score, rating_id, critical_failures"
}
