import Foundation
import KyCuong
import SQLKit

extension DepartmentArchive {
  /// The audit `id` with its facts and documents, or `nil`.
  ///
  /// - Parameter id: The audit's id.
  /// - Returns: The audit, or `nil` when the archive does not hold it.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func audit(_ id: String) async throws(ArchiveError) -> ArchivedAudit? {
    try await withConnection("reading audit \(id)") { connection in
      let db = connection.sql
      guard
        let row = try await db.select().column("*").from("audits").where("audit_id", .equal, id)
          .first(AuditRow.self)
      else { return nil }
      let items = try await db.select().column("*").from("item_results").where("audit_id", .equal, id)
        .orderBy("position").all(ItemRow.self)
      let focus = try await db.select().column("*").from("focus_area_scores").where("audit_id", .equal, id)
        .orderBy("tag").all(reading: FocusAreaRow.self)
      let actions = try await db.select().column("*").from("corrective_actions").where("audit_id", .equal, id)
        .orderBy("position").all(reading: ActionRow.self)
      let documents = try await db.select().columns(DocumentRow.metadataColumns).from("documents")
        .where("audit_id", .equal, id).orderBy("import_entry").all(DocumentMetadataRow.self)
      let record = try row.record(
        items: try items.map { row throws(ArchiveRowError) in try row.result() },
        focusAreas: focus.map { FocusAreaResult(tag: $0.tag, score: $0.score, scoredItems: $0.scoredItems) },
        actions: try actions.map { row throws(ArchiveRowError) in try row.action() })
      let carried = try await db.raw(
        "SELECT l.*, a.byte_count FROM document_attachments l JOIN documents d ON d.sha256 = l.document_sha256 "
          + "JOIN attachments a ON a.sha256 = l.attachment_sha256 WHERE d.audit_id = \(bind: id) "
          + "ORDER BY d.import_entry, l.position"
      ).all()
      var seen = Set<String>()
      var attachments: [ArchivedAttachment] = []
      for line in carried {
        let link = try line.decode(
          model: DocumentAttachmentRow.self, keyDecodingStrategy: ArchiveColumnName.decoding)
        guard seen.insert(link.attachmentSha256).inserted else { continue }
        attachments.append(
          try link.attachment(byteCount: try line.decode(column: "byte_count", as: Int.self)))
      }
      return ArchivedAudit(
        record: record, currentDocument: row.currentDocument,
        documents: try documents.map { row throws(ArchiveRowError) in try row.document() },
        actions: try actions.map { row throws(ArchiveRowError) in try row.entry() }, attachments: attachments)
    }
  }

  /// Every audit of `unit` (its name, diacritics and case ignored) started on or after the day `since`
  /// (Vietnam time), oldest first.
  ///
  /// - Parameters:
  ///   - unit: The unit's name.
  ///   - since: The first day, if any.
  /// - Returns: The audits.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func audits(
    ofUnit unit: String, since: CalendarDate? = nil
  ) async throws(ArchiveError)
    -> [AuditListEntry]
  {
    try await list(.auditsOfUnit(unit: unit, since: since))
  }

  /// The audits `filter` lets through, oldest first.
  ///
  /// - Parameters:
  ///   - filter: Which audits.
  ///   - limit: At most this many (all when `nil`).
  /// - Returns: The audits.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func audits(_ filter: AuditFilter, limit: Int? = nil) async throws(ArchiveError) -> [AuditListEntry]
  {
    try await list(.audits(filter, limit: limit))
  }

  /// Corrective actions not settled by a later audit and due before `day`, across every audit, earliest
  /// deadline first.
  ///
  /// - Parameter day: The day deadlines are measured against.
  /// - Returns: The overdue actions.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func overdueActions(asOf day: CalendarDate) async throws(ArchiveError) -> [ArchivedAction] {
    try await actionList(.overdueActions(asOf: day))
  }

  /// The corrective actions `filter` lets through, earliest deadline first.
  ///
  /// - Parameters:
  ///   - filter: Which actions.
  ///   - limit: At most this many (all when `nil`).
  /// - Returns: The actions, with their settlement.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func actions(
    _ filter: ActionFilter, limit: Int? = nil
  ) async throws(ArchiveError) -> [ArchivedAction] {
    try await actionList(.actions(filter, limit: limit))
  }

  /// A unit's audits in time order (of every checklist: group by ``AuditListEntry/checklistID`` for a trend
  /// per checklist), with overall and focus-area scores.
  ///
  /// - Parameter unit: The unit's name (diacritics and case ignored; the whole name).
  /// - Returns: One point per audit.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func scoreTrend(ofUnit unit: String) async throws(ArchiveError) -> [TrendPoint] {
    let audits = try await list(.scoreTrend(unit: unit))
    let focus = ArchiveQuery.focusAreaTrend(unit: unit).sql(backend)
    let scores = try await withConnection("reading the trend of \(unit)") { connection in
      try await connection.sql.raw(focus).all(reading: FocusAreaRow.self)
    }
    let byAudit = Dictionary(grouping: scores, by: \.auditId)
    return audits.map { audit in
      TrendPoint(
        audit: audit,
        focusAreas: Dictionary(
          (byAudit[audit.auditID] ?? []).map { ($0.tag, $0.score) }, uniquingKeysWith: { first, _ in first }))
    }
  }

  /// The units whose name contains `text` (diacritics and case ignored), each once, as written, sorted.
  ///
  /// - Parameter text: Part of a unit's name.
  /// - Returns: The units' names.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func units(matching text: String) async throws(ArchiveError) -> [String] {
    try await withConnection("looking up units") { connection in
      try await connection.sql.raw(
        "SELECT DISTINCT unit FROM audits WHERE unit_key LIKE \(bind: ArchiveQuery.pattern(text)) ESCAPE '\\'"
      ).all(decodingColumn: "unit", as: String.self).sorted()
    }
  }

  /// The stored document with this SHA-256 (hex), or `nil`: who sent it, when, and how it proved itself.
  ///
  /// - Parameter sha256: 64 hex digits.
  /// - Returns: The document's metadata.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func document(_ sha256: String) async throws(ArchiveError) -> StoredDocument? {
    let query = ArchiveQuery.document(sha256: sha256).sql(backend)
    return try await withConnection("reading document \(sha256)") { connection in
      try await connection.sql.raw(query).first(DocumentMetadataRow.self)?.document()
    }
  }

  /// The documents signed with the key of `fingerprint`, in the order received.
  ///
  /// - Parameter fingerprint: The key's fingerprint as ``RegisteredKey/fingerprint`` writes it.
  /// - Returns: The documents.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func documents(signedWith fingerprint: String) async throws(ArchiveError) -> [StoredDocument] {
    let query = ArchiveQuery.documentsSigned(fingerprint: fingerprint).sql(backend)
    return try await withConnection("listing documents signed with \(fingerprint)") { connection in
      try await connection.sql.raw(query).all(DocumentMetadataRow.self).map { row throws(ArchiveRowError) in
        try row.document()
      }
    }
  }

  /// Every stored document, in the order the archive received them (the import log's order): what
  /// `archive export originals` writes out, so that importing them again in that order rebuilds the archive.
  ///
  /// - Returns: The documents' metadata (their bytes: ``content(of:)``).
  /// - Throws: ``ArchiveError`` when the database fails.
  public func storedDocuments() async throws(ArchiveError) -> [StoredDocument] {
    try await withConnection("listing the stored documents") { connection in
      try await connection.sql.select().columns(DocumentRow.metadataColumns).from("documents")
        .orderBy("import_entry").all(DocumentMetadataRow.self)
        .map { row throws(ArchiveRowError) in try row.document() }
    }
  }

  /// The exact bytes of the stored document with this SHA-256, or `nil`.
  ///
  /// - Parameter sha256: 64 hex digits.
  /// - Returns: The bytes as received.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func content(of sha256: String) async throws(ArchiveError) -> Data? {
    try await withConnection("reading document \(sha256)") { connection in
      try await connection.sql.select().column("content").from("documents").where("sha256", .equal, sha256)
        .first(decodingColumn: "content", as: Data.self)
    }
  }

  /// The exact bytes of the attachment with this SHA-256, as a bundle carried it, or `nil`.
  ///
  /// - Parameter sha256: 64 hex digits.
  /// - Returns: The file's bytes.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func attachmentContent(of sha256: String) async throws(ArchiveError) -> Data? {
    try await withConnection("reading attachment \(sha256)") { connection in
      try await connection.sql.select().column("content").from("attachments").where("sha256", .equal, sha256)
        .first(decodingColumn: "content", as: Data.self)
    }
  }

  /// The import log, oldest first.
  ///
  /// - Parameter limit: At most the last this many entries (all when `nil`).
  /// - Returns: The entries.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func importLog(last limit: Int? = nil) async throws(ArchiveError) -> [ImportLogEntry] {
    try await withConnection("reading the import log") { connection in
      var query = connection.sql.select().column("*").from("import_log").orderBy("entry", .descending)
      if let limit, limit > 0 { query = query.limit(limit) }
      return try await query.all().reversed().map { row in
        let line = try row.decode(model: ImportLogRow.self, keyDecodingStrategy: ArchiveColumnName.decoding)
        let outcome: ImportLogEntry.Outcome
        if line.outcome == "refused" {
          outcome = .refused(
            try decodeColumn(line.rule ?? "", "import_log.rule", ImportRefusal.Rule.init(rawValue:)))
        } else {
          outcome = .archived(
            try decodeColumn(line.outcome, "import_log.outcome", DocumentRelation.init(rawValue:)))
        }
        return ImportLogEntry(
          entry: try row.decode(column: "entry", as: Int.self),
          at: try decodeColumn(line.at, "import_log.at", ArchiveTime.date), fileName: line.fileName,
          sha256: line.sha256, receivedFrom: line.receivedFrom, outcome: outcome, auditID: line.auditId,
          reason: line.reason)
      }
    }
  }

  /// How many rows each table holds.
  ///
  /// - Returns: The counts.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func statistics() async throws(ArchiveError) -> ArchiveStatistics {
    try await withConnection("counting") { connection in
      let db = connection.sql
      func count(_ table: String, _ condition: String = "") async throws -> Int {
        try await db.raw("SELECT count(*) AS n FROM \(ident: table)\(unsafeRaw: condition)")
          .first(decodingColumn: "n", as: Int.self) ?? 0
      }
      return ArchiveStatistics(
        documents: try await count("documents"), audits: try await count("audits"),
        itemResults: try await count("item_results"), focusAreaScores: try await count("focus_area_scores"),
        correctiveActions: try await count("corrective_actions"), checklists: try await count("checklists"),
        checklistItems: try await count("checklist_items"), keys: try await count("signing_keys"),
        importLogEntries: try await count("import_log"),
        refusals: try await count("import_log", " WHERE outcome = 'refused'"),
        attachments: try await count("attachments"))
    }
  }

  /// The query planner's plan for `query`, one line per row the database returns (`EXPLAIN QUERY PLAN` on
  /// SQLite, `EXPLAIN` on PostgreSQL).
  ///
  /// - Parameter query: One of the archive's questions.
  /// - Returns: The plan's lines.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func explain(_ query: ArchiveQuery) async throws(ArchiveError) -> [String] {
    let backend = self.backend
    return try await withConnection("explaining a query") { connection in
      let statement = SQLQueryString(backend.explainPrefix) + query.sql(backend)
      let rows = try await connection.sql.raw(statement).all()
      return try rows.map { row in
        switch backend {
        case .sqlite: try row.decode(column: "detail", as: String.self)
        case .postgresql: try row.decode(column: "QUERY PLAN", as: String.self)
        }
      }
    }
  }

  /// Updates the planner's statistics (`ANALYZE`), as a database administrator does after a large import.
  ///
  /// - Throws: ``ArchiveError`` when the database fails.
  public func analyze() async throws(ArchiveError) {
    try await withConnection("updating the planner's statistics") { connection in
      try await connection.writeTransaction { db in try await db.raw("ANALYZE").run() }
    }
  }

  private func list(_ query: ArchiveQuery) async throws(ArchiveError) -> [AuditListEntry] {
    let statement = query.sql(backend)
    return try await withConnection("listing audits") { connection in
      try await connection.sql.raw(statement).all(reading: AuditListRow.self).map {
        row throws(ArchiveRowError) in
        try row.entry()
      }
    }
  }

  private func actionList(_ query: ArchiveQuery) async throws(ArchiveError) -> [ArchivedAction] {
    let statement = query.sql(backend)
    return try await withConnection("listing corrective actions") { connection in
      try await connection.sql.raw(statement).all(reading: ActionRow.self).map {
        row throws(ArchiveRowError) in
        try row.entry()
      }
    }
  }
}

struct AuditListRow: Sendable, ArchiveRowReadable {
  var auditId: String
  var unit: String
  var checklistId: String
  var checklistVersion: String
  var visitType: String
  var startedAt: String
  var finishedAt: String?
  var leader: String
  var overallScore: Double?
  var ratingId: String?
  var ratingForced: Bool
  var criticalFailures: Int
  var criticalItems: String

  init(row: some SQLRow) throws {
    auditId = try row.decode(column: "audit_id", as: String.self)
    unit = try row.decode(column: "unit", as: String.self)
    checklistId = try row.decode(column: "checklist_id", as: String.self)
    checklistVersion = try row.decode(column: "checklist_version", as: String.self)
    visitType = try row.decode(column: "visit_type", as: String.self)
    startedAt = try row.decode(column: "started_at", as: String.self)
    finishedAt = try row.decodeIfPresent(column: "finished_at", as: String.self)
    leader = try row.decode(column: "leader", as: String.self)
    overallScore = try row.decodeIfPresent(column: "overall_score", as: Double.self)
    ratingId = try row.decodeIfPresent(column: "rating_id", as: String.self)
    ratingForced = try row.decode(column: "rating_forced", as: Bool.self)
    criticalFailures = try row.decode(column: "critical_failures", as: Int.self)
    criticalItems = try row.decode(column: "critical_items", as: String.self)
  }

  func entry() throws(ArchiveRowError) -> AuditListEntry {
    AuditListEntry(
      auditID: auditId, unit: unit, checklistID: checklistId, checklistVersion: checklistVersion,
      visitType: try decodeColumn(visitType, "audits.visit_type", VisitType.init(rawValue:)),
      startedAt: try decodeColumn(startedAt, "audits.started_at", ArchiveTime.date),
      finishedAt: finishedAt.flatMap(ArchiveTime.date), leader: leader, overallScore: overallScore,
      ratingID: ratingId, ratingForcedByCriticalFailure: ratingForced, criticalFailures: criticalFailures,
      criticalItems: criticalItems.split(separator: " ").map { ItemID(String($0)) })
  }
}
