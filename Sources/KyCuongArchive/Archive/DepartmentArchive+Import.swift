import Foundation
import SQLKit

extension DepartmentArchive {
  /// Who and where an import comes from, stored with what it archives.
  struct Receipt: Sendable {
    var fileName: String
    var source: String
    var time: Date
  }

  /// Imports the file at `url` (see ``importDocument(_:fileName:from:policy:at:)``), recorded under its path
  /// as given (`url.relativePath`).
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - source: Who sent it.
  ///   - policy: Whether a registered key's signature is required.
  ///   - time: When it was received.
  /// - Returns: What the import did.
  /// - Throws: ``ArchiveError`` only when the archive fails.
  public func importFile(
    _ url: URL, from source: String, policy: ImportPolicy = ImportPolicy(), at time: Date = Date()
  ) async throws(ArchiveError) -> ImportOutcome {
    try await importPrepared(await prepare(url), from: source, policy: policy, at: time, pause: nil)
  }

  /// For the tests of a crash mid-import: ``importPrepared(_:from:policy:at:)`` that calls `pause.announce`
  /// with the file's name once everything is written and then waits `pause.duration` before committing.
  package func importPrepared(
    _ file: PreparedFile, from source: String, policy: ImportPolicy = ImportPolicy(), at time: Date = Date(),
    pause: Pause?
  ) async throws(ArchiveError) -> ImportOutcome {
    let receipt = Receipt(fileName: file.url.relativePath, source: source, time: time)
    switch file.content {
    case .unreadable(let error):
      try await logRefusal(error, sha256: "", byteCount: 0, auditID: nil, receipt: receipt)
      return .refused(error)
    case .archived(let stored):
      return .alreadyArchived(stored)
    case .read(let data, let sha256, let reading):
      return try await archive(
        data, sha256: sha256, reading: reading, receipt: receipt, policy: policy, pause: pause)
    }
  }

  /// Imports a file that ``prepare(_:)`` read and verified: what ``importFile(_:from:policy:at:)`` does, in
  /// two steps, so that the next files can be prepared on other cores while the archive writes this one.
  ///
  /// - Parameters:
  ///   - file: The file, prepared by this archive.
  ///   - source: Who sent it.
  ///   - policy: Whether a registered key's signature is required (checked here, against the keys
  ///     registered now).
  ///   - time: When it was received.
  /// - Returns: What the import did.
  /// - Throws: ``ArchiveError`` only when the archive fails.
  public func importPrepared(
    _ file: PreparedFile, from source: String, policy: ImportPolicy = ImportPolicy(), at time: Date = Date()
  ) async throws(ArchiveError) -> ImportOutcome {
    try await importPrepared(file, from: source, policy: policy, at: time, pause: nil)
  }

  /// Reads the file at `url` and verifies it as a document (``ArchiveDocument/read(_:)``): the part of an
  /// import that takes most of its time and needs nothing of the archive but one lookup, so that bytes already
  /// archived are not parsed again. Not isolated to the archive: several files can be prepared at once, one a
  /// core, while the archive writes others; ``importPrepared(_:from:policy:at:)`` then archives each.
  ///
  /// - Parameter url: The file.
  /// - Returns: The file's bytes and what reading them found (a refusal included), or the copy already
  ///   archived.
  /// - Throws: ``ArchiveError`` only when the archive fails.
  public nonisolated func prepare(_ url: URL) async throws(ArchiveError) -> PreparedFile {
    let data: Data
    do {
      data = try ArchiveDocument.readFile(url)
    } catch {
      return PreparedFile(url: url, content: .unreadable(error))
    }
    let sha256 = ArchiveDocument.sha256(of: data)
    // The same bytes again: answered from the primary key, before any parsing.
    if let stored = try await document(sha256) { return PreparedFile(url: url, content: .archived(stored)) }
    let reading: Result<ArchiveDocument, ImportRefusal>
    do {
      reading = .success(try ArchiveDocument.read(data))
    } catch {
      reading = .failure(error)
    }
    return PreparedFile(url: url, content: .read(data, sha256: sha256, reading))
  }

  /// A wait before an import commits (``importFile(_:from:policy:at:pause:)``).
  package struct Pause: Sendable {
    /// How long.
    package var duration: Duration
    /// Called with the file's name when the wait begins.
    package var announce: @Sendable (String) -> Void

    /// Creates a pause.
    package init(duration: Duration, announce: @escaping @Sendable (String) -> Void) {
      self.duration = duration
      self.announce = announce
    }
  }

  /// Imports one document: an export, an event log or an audit bundle, verified first, archived whole or not
  /// at all (a bundle with its attachments, each kept once by SHA-256).
  ///
  /// - The same bytes a second time: ``ImportOutcome/alreadyArchived(_:)``, and nothing changes (the import
  ///   log included).
  /// - A document that fails a check (its hash chain, its digests, its signature, a revoked key, its items
  ///   against its checklist snapshot, a checklist version with other content than the archived one) is
  ///   refused whole: ``ImportOutcome/refused(_:)``; the refusal is written to the import log.
  /// - A document of an audit already archived is archived when it holds the same state (a log and its export)
  ///   or a later one (its chain extends the archived one, or it has more events than an unfinished archived
  ///   state); a later one replaces the audit's facts. An earlier state or a conflicting one is refused
  ///   (``AuditVersion/relation(to:)``).
  /// - Scores are always re-derived from the items; an export's stored `scores` are never used.
  ///
  /// Everything an import writes is one transaction; concurrent importers of the same documents each see
  /// the others' committed work, and a unique-key collision with one of them is resolved by running the
  /// transaction again.
  ///
  /// - Parameters:
  ///   - data: The document's bytes, stored exactly as given.
  ///   - fileName: The file's name, for the record and for messages.
  ///   - source: Who sent it (a team, a person, an address): the archive's answer to "who sent this".
  ///   - policy: Whether a registered key's signature is required.
  ///   - time: When it was received.
  /// - Returns: ``ImportOutcome/archived(_:)`` with the receipt of what was stored,
  ///   ``ImportOutcome/alreadyArchived(_:)`` with the copy already held, or ``ImportOutcome/refused(_:)``
  ///   with the check the document failed.
  /// - Throws: ``ArchiveError`` only when the archive fails (the database is down, read-only or full);
  ///   nothing is half-written then either.
  public func importDocument(
    _ data: Data, fileName: String, from source: String, policy: ImportPolicy = ImportPolicy(),
    at time: Date = Date()
  ) async throws(ArchiveError) -> ImportOutcome {
    try await importDocument(data, fileName: fileName, from: source, policy: policy, at: time, pause: nil)
  }

  /// ``importDocument(_:fileName:from:policy:at:)`` of `data` that the caller has read already with
  /// ``ArchiveDocument/read(_:)`` (a refusal included, which is logged as any): for the department server,
  /// which reads each pushed document in the request's own task, so that several are verified at once on the
  /// machine's cores while the archive writes one. `afterArchiving` runs inside the import's transaction
  /// when it archives the document, so that what the server records of the push (its review log, its
  /// request log) is committed with the document or not at all.
  package func importDocument(
    _ data: Data, reading: Result<ArchiveDocument, ImportRefusal>, fileName: String, from source: String,
    policy: ImportPolicy = ImportPolicy(), at time: Date = Date(),
    afterArchiving: (@Sendable (ImportReceipt, any SQLDatabase) async throws -> Void)? = nil
  ) async throws(ArchiveError) -> ImportOutcome {
    try await archive(
      data, sha256: ArchiveDocument.sha256(of: data), reading: reading,
      receipt: Receipt(fileName: fileName, source: source, time: time), policy: policy, pause: nil,
      afterArchiving: afterArchiving)
  }

  private func importDocument(
    _ data: Data, fileName: String, from source: String, policy: ImportPolicy, at time: Date, pause: Pause?
  ) async throws(ArchiveError) -> ImportOutcome {
    let receipt = Receipt(fileName: fileName, source: source, time: time)
    let sha256 = ArchiveDocument.sha256(of: data)
    // The same bytes again: answered from the primary key, before any parsing.
    if let stored = try await document(sha256) { return .alreadyArchived(stored) }
    let reading: Result<ArchiveDocument, ImportRefusal>
    do {
      reading = .success(try ArchiveDocument.read(data))
    } catch {
      reading = .failure(error)
    }
    return try await archive(
      data, sha256: sha256, reading: reading, receipt: receipt, policy: policy, pause: pause)
  }

  /// Archives a document read from `data` in one transaction, or logs why it is refused.
  private func archive(
    _ data: Data, sha256: String, reading: Result<ArchiveDocument, ImportRefusal>, receipt: Receipt,
    policy: ImportPolicy, pause: Pause?,
    afterArchiving: (@Sendable (ImportReceipt, any SQLDatabase) async throws -> Void)? = nil
  ) async throws(ArchiveError) -> ImportOutcome {
    let fileName = receipt.fileName
    let document: ArchiveDocument
    switch reading {
    case .success(let read):
      document = read
    case .failure(let error):
      try await logRefusal(error, sha256: sha256, byteCount: data.count, auditID: nil, receipt: receipt)
      return .refused(error)
    }
    let backend = self.backend
    var attempt = 0
    while true {
      attempt += 1
      do {
        return try await exclusive { connection in
          try await connection.writeTransaction { db in
            let outcome = try await Self.archive(
              document, content: data, receipt: receipt, policy: policy, backend: backend, on: db)
            if case .archived(let archived) = outcome, let afterArchiving {
              try await afterArchiving(archived, db)
            }
            if let pause {
              pause.announce(fileName)
              try await Task.sleep(for: pause.duration)
            }
            return outcome
          }
        }
      } catch let error as ImportRefusal {
        try await logRefusal(
          error, sha256: sha256, byteCount: data.count, auditID: document.audit.id, receipt: receipt)
        return .refused(error)
      } catch let error where attempt < 5 && ArchiveConnection.isRetryable(error) {
        continue
      } catch {
        throw ArchiveError(
          .database,
          "importing \(fileName) failed in the archive \(location): \(ArchiveConnection.describe(error, file: location.sqliteFile)); "
            + "nothing of it was stored")
      }
    }
  }

  private func logRefusal(
    _ refusal: ImportRefusal, sha256: String, byteCount: Int, auditID: String?, receipt: Receipt
  ) async throws(ArchiveError) {
    let row = ImportLogRow(
      at: ArchiveTime.string(receipt.time), fileName: receipt.fileName, sha256: sha256, byteCount: byteCount,
      receivedFrom: receipt.source, outcome: "refused", auditId: auditID, rule: refusal.rule.rawValue,
      reason: refusal.detail)
    do {
      try await withConnection("recording the refusal of \(receipt.fileName)") { connection in
        try await connection.writeTransaction { db in
          try await db.insert(into: "import_log").rows([row]).run()
        }
      }
    } catch {
      // The document is refused either way; say both.
      throw ArchiveError(
        error.code,
        "\(receipt.fileName) is refused (\(refusal.rule.rawValue)): \(refusal.detail); and \(error.message)")
    }
  }

  // MARK: - The transaction

  /// Everything one import writes; throws ``ImportRefusal`` to roll it back and refuse.
  private static func archive(
    _ document: ArchiveDocument, content: Data, receipt: Receipt, policy: ImportPolicy,
    backend: ArchiveBackend, on db: any SQLDatabase
  ) async throws -> ImportOutcome {
    let audit = document.audit
    // 1. The same bytes, committed by a concurrent importer since the check before the transaction.
    if let stored = try await db.select().columns(DocumentRow.metadataColumns).from("documents")
      .where("sha256", .equal, document.sha256).first(DocumentMetadataRow.self)
    {
      return .alreadyArchived(try stored.document())
    }
    // 2. The signer's key.
    let trust = try await keyTrust(of: document, policy: policy, on: db)
    // 3. The checklist version: one content per id and version.
    try await register(document.checklist, at: receipt.time, on: db)
    // 4. The audit: new, the same state, a later state — or refused.
    let relation: DocumentRelation
    let archived = try await db.raw(
      "SELECT * FROM audits WHERE audit_id = \(bind: audit.id)\(unsafeRaw: backend.lockAuditClause)"
    ).first(AuditRow.self)
    if let archived {
      var current = try archived.version()
      if current.eventCount > document.version.eventCount,
        let stored = try await db.select().columns("kind", "content").from("documents")
          .where("sha256", .equal, archived.currentDocument).first(),
        let kind = DocumentKind(rawValue: try stored.decode(column: "kind", as: String.self))
      {
        current.chain = ArchiveDocument.chain(
          of: try stored.decode(column: "content", as: Data.self), kind: kind)
      }
      switch document.version.relation(to: current) {
      case .sameState: relation = .sameState
      case .later: relation = .laterVersion
      case .earlier:
        throw ImportRefusal(
          .earlierVersion,
          "audit \(audit.id) is archived with \(archived.eventCount) events; this document holds an earlier "
            + "state (\(document.version.eventCount) events). Nothing changed")
      case .conflict(let reason):
        let source = try await db.select().columns(DocumentRow.metadataColumns).from("documents")
          .where("sha256", .equal, archived.currentDocument).first(DocumentMetadataRow.self)
        throw ImportRefusal(
          .conflict,
          "audit \(audit.id) is archived from \(source?.fileName ?? archived.currentDocument)"
            + (source.map { " (received \($0.receivedAt) from \($0.receivedFrom))" } ?? "")
            + " and this document is not a later version of it: \(reason)")
      }
    } else {
      relation = .first
    }
    // The import log's entry first: the document refers to it, and its number orders the documents.
    let entry =
      try await db.insert(into: "import_log").rows([
        ImportLogRow(
          at: ArchiveTime.string(receipt.time), fileName: receipt.fileName, sha256: document.sha256,
          byteCount: content.count, receivedFrom: receipt.source, outcome: relation.rawValue,
          auditId: audit.id,
          rule: nil, reason: document.warnings.isEmpty ? nil : document.warnings.joined(separator: "; "))
      ]).returning("entry").first(decodingColumn: "entry", as: Int.self) ?? 0
    try await db.insert(into: "documents").rows([
      DocumentRow(
        sha256: document.sha256, kind: document.kind.rawValue, auditId: audit.id, byteCount: content.count,
        receivedAt: ArchiveTime.string(receipt.time), receivedFrom: receipt.source,
        fileName: receipt.fileName,
        relation: relation.rawValue, importEntry: entry, eventCount: document.version.eventCount,
        chainHead: document.version.chainHead, stateDigest: document.version.stateDigest,
        seal: document.seal.name, signer: document.seal.signature?.signer,
        signerKey: document.seal.signature?.publicKey,
        signerFingerprint: document.seal.signature?.fingerprint,
        signedAt: document.seal.signature.map { ArchiveTime.string($0.signedAt) }, keyTrust: trust.rawValue,
        content: content)
    ]).run()
    try await insertAttachments(of: document, on: db)
    switch relation {
    case .first:
      try await insertFacts(document, at: receipt.time, on: db)
    case .laterVersion:
      // The actions the earlier state settled are settled again from what the archive holds after it.
      let unsettled = try await Settlement.release(settledBy: audit.id, on: db)
      for table in ["item_results", "focus_area_scores", "corrective_actions"] {
        try await db.delete(from: table).where("audit_id", .equal, audit.id).run()
      }
      try await db.delete(from: "audits").where("audit_id", .equal, audit.id).run()
      try await insertFacts(document, at: receipt.time, on: db)
      try await Settlement.settleAgain(unsettled, on: db)
    case .sameState:
      break
    }
    return .archived(
      ImportReceipt(
        sha256: document.sha256, auditID: audit.id, kind: document.kind, relation: relation, keyTrust: trust,
        warnings: document.warnings))
  }

  /// A bundle's attachments: each file's bytes once (a copy archived before is kept as it is), and which
  /// bundle carried it.
  private static func insertAttachments(of document: ArchiveDocument, on db: any SQLDatabase) async throws {
    guard !document.attachments.isEmpty else { return }
    for attachment in document.attachments {
      guard let content = document.attachmentContent[attachment.sha256] else { continue }
      try await db.insert(into: "attachments")
        .rows([AttachmentRow(sha256: attachment.sha256, byteCount: content.count, content: content)])
        .ignoringConflicts(with: ["sha256"]).run()
    }
    try await db.insert(into: "document_attachments").rows(
      document.attachments.enumerated().map { position, attachment in
        DocumentAttachmentRow(attachment, position: position, document: document.sha256)
      }
    ).run()
  }

  private static func keyTrust(
    of document: ArchiveDocument, policy: ImportPolicy, on db: any SQLDatabase
  ) async throws -> KeyTrust {
    guard let signature = document.seal.signature else {
      if policy.requireRegisteredKey {
        throw ImportRefusal(
          .unregisteredSigner,
          "the document is not signed (\(document.seal.name)); this import requires a registered team "
            + "leader's signature")
      }
      return .unsigned
    }
    guard
      let key = try await db.select().column("*").from("signing_keys")
        .where("public_key", .equal, signature.publicKey).first(KeyRow.self)
    else {
      if policy.requireRegisteredKey {
        throw ImportRefusal(
          .unregisteredSigner,
          "signed by \(signature.signer) with key \(signature.fingerprint), which is not registered in the "
            + "archive (`kycuong archive keys add`)")
      }
      return .unknownKey
    }
    if let revokedAt = key.revokedAt {
      throw ImportRefusal(
        .revokedKey,
        "signed by \(signature.signer) with key \(key.fingerprint), revoked on \(revokedAt)"
          + (key.revokedBy.map { " by \($0)" } ?? "") + (key.revocationReason.map { ": \($0)" } ?? ""))
    }
    return .registered
  }

  private static func register(
    _ checklist: ChecklistRecord, at time: Date, on db: any SQLDatabase
  ) async throws {
    let known = try await db.select().column("digest").from("checklists")
      .where("checklist_id", .equal, checklist.id).where("version", .equal, checklist.version)
      .first(decodingColumn: "digest", as: String.self)
    if let known {
      guard known == checklist.digest else {
        throw ImportRefusal(
          .checklist,
          "checklist \(checklist.id) version \(checklist.version) is archived with other content (\(known)); "
            + "this document's snapshot is \(checklist.digest). A version names one content: the checklist "
            + "was changed without a new version number")
      }
      return
    }
    try await db.insert(into: "checklists").rows([
      ChecklistRow(
        digest: checklist.digest, checklistId: checklist.id, version: checklist.version,
        titleVi: checklist.title.vi, titleEn: checklist.title.en, itemCount: checklist.items.count,
        firstSeenAt: ArchiveTime.string(time))
    ]).run()
    if !checklist.items.isEmpty {
      try await db.insert(into: "checklist_items").rows(
        checklist.items.map { ChecklistItemRow($0, checklist: checklist.digest) }
      ).run()
    }
  }

  private static func insertFacts(
    _ document: ArchiveDocument, at time: Date, on db: any SQLDatabase
  ) async throws {
    let audit = document.audit
    try await db.insert(into: "audits").rows([
      AuditRow(audit, version: document.version, document: document.sha256, at: time)
    ]).run()
    if !audit.items.isEmpty {
      try await db.insert(into: "item_results").rows(audit.items.map { ItemRow($0, audit: audit.id) }).run()
    }
    if !audit.focusAreas.isEmpty {
      try await db.insert(into: "focus_area_scores").rows(
        audit.focusAreas.map {
          FocusAreaRow(auditId: audit.id, tag: $0.tag, score: $0.score, scoredItems: $0.scoredItems)
        }
      ).run()
    }
    if !audit.actions.isEmpty {
      var rows: [ActionRow] = []
      for action in audit.actions {
        var row = ActionRow(action, of: audit)
        if let item = action.itemID,
          let settler = try await Settlement.firstLaterPass(of: item, after: row, on: db)
        {
          row.settledBy = settler.auditID
          row.settledAt = settler.startedAt
        }
        rows.append(row)
      }
      try await db.insert(into: "corrective_actions").rows(rows).run()
    }
    try await Settlement.settle(by: audit, on: db)
  }
}
