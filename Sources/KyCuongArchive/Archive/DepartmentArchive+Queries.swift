import Foundation
import SQLKit

extension DepartmentArchive {
  /// The audit `id` with its facts and documents, or `nil`.
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
        .orderBy("tag").all(FocusAreaRow.self)
      let actions = try await db.select().column("*").from("corrective_actions").where("audit_id", .equal, id)
        .orderBy("position").all(ActionRow.self)
      let documents = try await db.select().columns(DocumentRow.metadataColumns).from("documents")
        .where("audit_id", .equal, id).orderBy("import_entry").all(DocumentMetadataRow.self)
      let results = items.map(\.result)
      let record = AuditRecord(
        id: row.auditId, unit: row.unit, unitKey: row.unitKey, unitAddress: row.unitAddress,
        checklistID: row.checklistId, checklistVersion: row.checklistVersion,
        checklistDigest: row.checklistDigest, visitType: row.visitType,
        startedAt: ArchiveTime.date(row.startedAt) ?? .distantPast,
        finishedAt: row.finishedAt.flatMap(ArchiveTime.date), leader: row.leader,
        members: row.members.isEmpty ? [] : row.members.components(separatedBy: "\n"),
        eventCount: row.eventCount, scoringModel: row.scoringModel, overallScore: row.overallScore,
        ratingID: row.ratingId, ratingForcedByCriticalFailure: row.ratingForced,
        criticalFailures: results.filter { $0.critical && ($0.score ?? 1) < 1 }.map(\.itemID),
        answeredItems: row.answeredItems, skippedItems: row.skippedItems,
        applicableItems: row.applicableItems,
        focusAreas: focus.map { FocusAreaResult(tag: $0.tag, score: $0.score, scoredItems: $0.scoredItems) },
        items: results, actions: actions.map(\.action))
      return ArchivedAudit(
        record: record, currentDocument: row.currentDocument, documents: documents.map(\.document))
    }
  }

  /// Every audit of `unit` (its name, diacritics and case ignored) started on or after the day `since`
  /// (`YYYY-MM-DD`, Vietnam time), oldest first.
  public func audits(ofUnit unit: String, since: String? = nil) async throws(ArchiveError) -> [AuditListEntry]
  {
    try await list(.auditsOfUnit(unit: unit, since: since))
  }

  /// Corrective actions due before `day` (`YYYY-MM-DD`), across every audit, earliest deadline first.
  public func overdueActions(asOf day: String) async throws(ArchiveError) -> [OverdueAction] {
    let query = ArchiveQuery.overdueActions(asOf: day)
    return try await withConnection("listing overdue actions") { connection in
      try await connection.sql.raw(query.sql).all(OverdueRow.self).map(\.overdue)
    }
  }

  /// A unit's audits in time order (of every checklist: group by ``AuditListEntry/checklistID`` for a trend
  /// per checklist), with overall and focus-area scores.
  public func scoreTrend(ofUnit unit: String) async throws(ArchiveError) -> [TrendPoint] {
    let audits = try await list(.scoreTrend(unit: unit))
    let focus = ArchiveQuery.focusAreaTrend(unit: unit)
    let scores = try await withConnection("reading the trend of \(unit)") { connection in
      try await connection.sql.raw(focus.sql).all(FocusAreaRow.self)
    }
    let byAudit = Dictionary(grouping: scores, by: \.auditId)
    return audits.map { audit in
      TrendPoint(
        audit: audit,
        focusAreas: Dictionary(
          (byAudit[audit.auditID] ?? []).map { ($0.tag, $0.score) }, uniquingKeysWith: { first, _ in first }))
    }
  }

  /// The stored document with this SHA-256 (hex), or `nil`: who sent it, when, and how it proved itself.
  public func document(_ sha256: String) async throws(ArchiveError) -> StoredDocument? {
    let query = ArchiveQuery.document(sha256: sha256)
    return try await withConnection("reading document \(sha256)") { connection in
      try await connection.sql.raw(query.sql).first(DocumentMetadataRow.self)?.document
    }
  }

  /// The documents signed with the key of `fingerprint`, in the order received.
  public func documents(signedWith fingerprint: String) async throws(ArchiveError) -> [StoredDocument] {
    let query = ArchiveQuery.documentsSigned(fingerprint: fingerprint)
    return try await withConnection("listing documents signed with \(fingerprint)") { connection in
      try await connection.sql.raw(query.sql).all(DocumentMetadataRow.self).map(\.document)
    }
  }

  /// The exact bytes of the stored document with this SHA-256, or `nil`.
  public func content(of sha256: String) async throws(ArchiveError) -> Data? {
    try await withConnection("reading document \(sha256)") { connection in
      try await connection.sql.select().column("content").from("documents").where("sha256", .equal, sha256)
        .first(decodingColumn: "content", as: Data.self)
    }
  }

  /// The import log, oldest first.
  public func importLog() async throws(ArchiveError) -> [ImportLogEntry] {
    try await withConnection("reading the import log") { connection in
      try await connection.sql.select().column("*").from("import_log").orderBy("entry").all()
        .map { row in
          let line = try row.decode(model: ImportLogRow.self, keyDecodingStrategy: .convertFromSnakeCase)
          return ImportLogEntry(
            entry: try row.decode(column: "entry", as: Int.self),
            at: ArchiveTime.date(line.at) ?? .distantPast,
            fileName: line.fileName, sha256: line.sha256, receivedFrom: line.receivedFrom,
            outcome: line.outcome,
            auditID: line.auditId, rule: line.rule, reason: line.reason)
        }
    }
  }

  /// How many rows each table holds.
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
        refusals: try await count("import_log", " WHERE outcome = 'refused'"))
    }
  }

  /// The query planner's plan for `query`, one line per row the database returns (`EXPLAIN QUERY PLAN` on
  /// SQLite, `EXPLAIN` on PostgreSQL).
  public func explain(_ query: ArchiveQuery) async throws(ArchiveError) -> [String] {
    let backend = self.backend
    return try await withConnection("explaining a query") { connection in
      var statement = SQLQueryString(backend.explainPrefix)
      statement.appendInterpolation(query.sql)
      let rows = try await connection.sql.raw(statement).all()
      return try rows.map { row in
        switch backend {
        case .sqlite:
          // id, parent, notused, detail: the detail, indented by depth as the sqlite3 shell does.
          try row.decode(column: "detail", as: String.self)
        case .postgresql:
          try row.decode(column: "QUERY PLAN", as: String.self)
        }
      }
    }
  }

  private func list(_ query: ArchiveQuery) async throws(ArchiveError) -> [AuditListEntry] {
    try await withConnection("listing audits") { connection in
      try await connection.sql.raw(query.sql).all(AuditListRow.self).map(\.entry)
    }
  }
}

struct AuditListRow: Codable, Sendable {
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
  var criticalFailures: Int

  var entry: AuditListEntry {
    AuditListEntry(
      auditID: auditId, unit: unit, checklistID: checklistId, checklistVersion: checklistVersion,
      visitType: visitType, startedAt: ArchiveTime.date(startedAt) ?? .distantPast,
      finishedAt: finishedAt.flatMap(ArchiveTime.date), leader: leader, overallScore: overallScore,
      ratingID: ratingId, criticalFailures: criticalFailures)
  }
}

struct OverdueRow: Codable, Sendable {
  var auditId: String
  var position: Int
  var what: String
  var owner: String
  var dueOn: String
  var itemId: String?
  var recordedBy: String
  var recordedAt: String
  var unit: String
  var startedAt: String

  var overdue: OverdueAction {
    OverdueAction(
      auditID: auditId, unit: unit, auditStartedAt: ArchiveTime.date(startedAt) ?? .distantPast,
      action: ActionRecord(
        position: position, what: what, owner: owner, due: dueOn, itemID: itemId, recordedBy: recordedBy,
        recordedAt: ArchiveTime.date(recordedAt) ?? .distantPast))
  }
}
