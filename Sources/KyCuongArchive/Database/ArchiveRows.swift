import Foundation
import KyCuong
import SQLKit

// The tables' rows as Codable values: SQLKit encodes them into inserts and decodes query rows into them,
// with snake_case column names (`auditId` is `audit_id`). Times and days are text (``ArchiveTime``); typed
// values (ids, days, statuses, kinds) cross into the archive's model here, and a stored text that no longer
// names one is a damaged row (``ArchiveRowError``). The property names avoid runs of capitals so that the
// snake_case conversion is unambiguous.

/// A stored value that does not read as what its column holds: the database was changed by hand.
struct ArchiveRowError: Error, CustomStringConvertible {
  var column: String
  var value: String
  var description: String { "the column \(column) holds \"\(value)\", which this program does not read" }
}

/// `text` read as `T`, or a row error naming `column`.
func decodeColumn<T>(_ text: String, _ column: String, _ read: (String) -> T?) throws(ArchiveRowError) -> T {
  guard let value = read(text) else { throw ArchiveRowError(column: column, value: text) }
  return value
}

/// A row read column by column, for the listings that return thousands of rows (a unit's trend, the
/// overdue actions): SQLKit's `Decoder` costs a key conversion and a container per column and row, half of
/// `archive trend` on a unit of 1,650 audits.
protocol ArchiveRowReadable {
  /// The row from `row`'s columns, named as the table names them.
  init(row: some SQLRow) throws
}

extension SQLRow {
  /// The column's value, or nil when it is NULL. SQLiteKit decodes `T?` through a nested decoder made for
  /// each value; asking for NULL first and then for `T` is its direct path (a tenth of `archive summary`).
  func decodeIfPresent<T: Decodable>(column: String, as type: T.Type) throws -> T? {
    try decodeNil(column: column) ? nil : decode(column: column, as: type)
  }
}

struct DocumentRow: Codable, Sendable {
  var sha256: String
  var kind: String
  var auditId: String
  var byteCount: Int
  var receivedAt: String
  var receivedFrom: String
  var fileName: String
  var relation: String
  var importEntry: Int
  var eventCount: Int
  var chainHead: String?
  var stateDigest: String
  var seal: String
  var signer: String?
  var signerKey: String?
  var signerFingerprint: String?
  var signedAt: String?
  var keyTrust: String
  var content: Data

  /// The columns of ``DocumentMetadataRow``: every column but `content`.
  static let metadataColumns = [
    "sha256", "kind", "audit_id", "byte_count", "received_at", "received_from", "file_name", "relation",
    "import_entry", "event_count", "chain_head", "state_digest", "seal", "signer", "signer_key",
    "signer_fingerprint", "signed_at", "key_trust",
  ]
}

struct DocumentMetadataRow: Codable, Sendable {
  var sha256: String
  var kind: String
  var auditId: String
  var byteCount: Int
  var receivedAt: String
  var receivedFrom: String
  var fileName: String
  var relation: String
  var importEntry: Int
  var eventCount: Int
  var chainHead: String?
  var stateDigest: String
  var seal: String
  var signer: String?
  var signerKey: String?
  var signerFingerprint: String?
  var signedAt: String?
  var keyTrust: String

  func document() throws(ArchiveRowError) -> StoredDocument {
    let seal: DocumentSeal
    switch self.seal {
    case "signed":
      guard let signer, let signerKey, let signerFingerprint, let signedAt,
        let time = ArchiveTime.date(signedAt)
      else { throw ArchiveRowError(column: "documents.seal", value: "signed without its signature") }
      seal = .signed(
        SignatureRecord(publicKey: signerKey, fingerprint: signerFingerprint, signer: signer, signedAt: time))
    case "sealed": seal = .sealed
    case "unsealed": seal = .unsealed
    case "chained": seal = .chained
    case "unchained": seal = .unchained
    default: throw ArchiveRowError(column: "documents.seal", value: self.seal)
    }
    return StoredDocument(
      sha256: sha256, kind: try decodeColumn(kind, "documents.kind", DocumentKind.init(rawValue:)),
      auditID: auditId, byteCount: byteCount,
      receivedAt: try decodeColumn(receivedAt, "documents.received_at", ArchiveTime.date),
      receivedFrom: receivedFrom, fileName: fileName,
      relation: try decodeColumn(relation, "documents.relation", DocumentRelation.init(rawValue:)),
      importEntry: importEntry, eventCount: eventCount, chainHead: chainHead, stateDigest: stateDigest,
      seal: seal, keyTrust: try decodeColumn(keyTrust, "documents.key_trust", KeyTrust.init(rawValue:)))
  }
}

struct ChecklistRow: Codable, Sendable {
  var digest: String
  var checklistId: String
  var version: String
  var titleVi: String
  var titleEn: String?
  var itemCount: Int
  var firstSeenAt: String
}

struct ChecklistItemRow: Codable, Sendable {
  var checklistDigest: String
  var itemId: String
  var position: Int
  var sectionId: String
  var textVi: String
  var textEn: String?
  var critical: Bool
  /// The tags, separated by spaces.
  var tags: String

  init(_ item: ChecklistRecord.Item, checklist digest: String) {
    checklistDigest = digest
    itemId = item.itemID.rawValue
    position = item.position
    sectionId = item.sectionID
    textVi = item.text.vi
    textEn = item.text.en
    critical = item.critical
    tags = item.tags.joined(separator: " ")
  }

  var item: ChecklistRecord.Item {
    ChecklistRecord.Item(
      position: position, itemID: ItemID(itemId), sectionID: sectionId,
      text: LocalizedText(vi: textVi, en: textEn), critical: critical,
      tags: tags.split(separator: " ").map(String.init))
  }
}

struct AuditRow: Codable, Sendable {
  var auditId: String
  var unit: String
  var unitKey: String
  var unitAddress: String?
  var checklistId: String
  var checklistVersion: String
  var checklistDigest: String
  var visitType: String
  var startedAt: String
  var startedOn: String
  var finishedAt: String?
  var leader: String
  var leaderKey: String
  /// The other members, one per line.
  var members: String
  var eventCount: Int
  var chainHead: String?
  var stateDigest: String
  var scoringModel: String
  var overallScore: Double?
  var ratingId: String?
  var ratingFrom: Double?
  var ratingTo: Double?
  var ratingLabelVi: String?
  var ratingLabelEn: String?
  var ratingForced: Bool
  var criticalFailures: Int
  /// The failed critical items' ids, separated by spaces.
  var criticalItems: String
  /// ``AuditRecord/verdicts``.
  var verdicts: String
  var answeredItems: Int
  var skippedItems: Int
  var applicableItems: Int
  var currentDocument: String
  var updatedAt: String

  init(_ audit: AuditRecord, version: AuditVersion, document: String, at time: Date) {
    auditId = audit.id
    unit = audit.unit
    unitKey = audit.unitKey
    unitAddress = audit.unitAddress
    checklistId = audit.checklistID
    checklistVersion = audit.checklistVersion
    checklistDigest = audit.checklistDigest
    visitType = audit.visitType.rawValue
    startedAt = ArchiveTime.string(audit.startedAt)
    startedOn = ArchiveTime.day(audit.startedAt)
    finishedAt = audit.finishedAt.map(ArchiveTime.string)
    leader = audit.leader
    leaderKey = ArchiveDocument.unitKey(audit.leader)
    members = audit.members.joined(separator: "\n")
    eventCount = audit.eventCount
    chainHead = version.chainHead
    stateDigest = version.stateDigest
    scoringModel = audit.scoringModel.rawValue
    overallScore = audit.overallScore
    ratingId = audit.rating?.id
    ratingFrom = audit.rating?.from
    ratingTo = audit.rating?.to
    ratingLabelVi = audit.rating?.label.vi
    ratingLabelEn = audit.rating?.label.en
    ratingForced = audit.ratingForcedByCriticalFailure
    criticalFailures = audit.criticalFailures.count
    criticalItems = audit.criticalFailures.map(\.rawValue).joined(separator: " ")
    verdicts = audit.verdicts
    answeredItems = audit.answeredItems
    skippedItems = audit.skippedItems
    applicableItems = audit.applicableItems
    currentDocument = document
    updatedAt = ArchiveTime.string(time)
  }

  /// The state this row holds, for comparing a new document with it.
  func version() throws(ArchiveRowError) -> AuditVersion {
    AuditVersion(
      identity: AuditVersion.Identity(
        unit: unit, checklistDigest: checklistDigest,
        startedAt: try decodeColumn(startedAt, "audits.started_at", ArchiveTime.date), leader: leader),
      eventCount: eventCount, chainHead: chainHead, finished: finishedAt != nil, stateDigest: stateDigest,
      chain: nil)
  }

  /// The record, with the item results, focus-area scores and actions read beside it.
  func record(
    items: [ItemResult], focusAreas: [FocusAreaResult], actions: [ActionRecord]
  ) throws(ArchiveRowError) -> AuditRecord {
    AuditRecord(
      id: auditId, unit: unit, unitKey: unitKey, unitAddress: unitAddress, checklistID: checklistId,
      checklistVersion: checklistVersion, checklistDigest: checklistDigest,
      visitType: try decodeColumn(visitType, "audits.visit_type", VisitType.init(rawValue:)),
      startedAt: try decodeColumn(startedAt, "audits.started_at", ArchiveTime.date),
      finishedAt: try finishedAt.map { text throws(ArchiveRowError) in
        try decodeColumn(text, "audits.finished_at", ArchiveTime.date)
      },
      leader: leader, members: members.isEmpty ? [] : members.components(separatedBy: "\n"),
      eventCount: eventCount,
      scoringModel: try decodeColumn(scoringModel, "audits.scoring_model", ScoringModel.init(rawValue:)),
      overallScore: overallScore, rating: rating, ratingForcedByCriticalFailure: ratingForced,
      criticalFailures: criticalItems.split(separator: " ").map { ItemID(String($0)) },
      answeredItems: answeredItems, skippedItems: skippedItems, applicableItems: applicableItems,
      focusAreas: focusAreas, items: items, actions: actions)
  }

  var rating: RatingBand? {
    guard let ratingId, let ratingFrom, let ratingTo, let ratingLabelVi else { return nil }
    return RatingBand(
      id: ratingId, from: ratingFrom, to: ratingTo, label: LocalizedText(vi: ratingLabelVi, en: ratingLabelEn)
    )
  }
}

struct ItemRow: Codable, Sendable {
  var auditId: String
  var itemId: String
  var position: Int
  var sectionId: String
  var kind: String
  var weight: Double
  var critical: Bool
  /// The tags, separated by spaces.
  var tags: String
  var applicable: Bool
  var status: String
  var outcome: String?
  var score: Double?

  init(_ item: ItemResult, audit: String) {
    auditId = audit
    itemId = item.itemID.rawValue
    position = item.position
    sectionId = item.sectionID
    kind = item.kind.rawValue
    weight = item.weight
    critical = item.critical
    tags = item.tags.joined(separator: " ")
    applicable = item.applicable
    status = item.status.rawValue
    outcome = item.outcome
    score = item.score
  }

  func result() throws(ArchiveRowError) -> ItemResult {
    ItemResult(
      itemID: ItemID(itemId), position: position, sectionID: sectionId,
      kind: try decodeColumn(kind, "item_results.kind", ItemKind.Name.init(rawValue:)), weight: weight,
      critical: critical, tags: tags.split(separator: " ").map(String.init), applicable: applicable,
      status: try decodeColumn(status, "item_results.status", ItemStatus.init(rawValue:)), outcome: outcome,
      score: score)
  }
}

struct FocusAreaRow: Codable, Sendable, ArchiveRowReadable {
  var auditId: String
  var tag: String
  var score: Double?
  var scoredItems: Int

  init(auditId: String, tag: String, score: Double?, scoredItems: Int) {
    self.auditId = auditId
    self.tag = tag
    self.score = score
    self.scoredItems = scoredItems
  }

  init(row: some SQLRow) throws {
    auditId = try row.decode(column: "audit_id", as: String.self)
    tag = try row.decode(column: "tag", as: String.self)
    score = try row.decodeIfPresent(column: "score", as: Double.self)
    scoredItems = try row.decode(column: "scored_items", as: Int.self)
  }
}

/// A corrective action as stored: with its audit's unit, checklist and start (what the settlement rule
/// compares), and the later audit that settled it, if one did.
struct ActionRow: Codable, Sendable, ArchiveRowReadable {
  var auditId: String
  var position: Int
  var unit: String
  var unitKey: String
  var checklistId: String
  var auditStartedAt: String
  var what: String
  var owner: String
  var dueOn: String
  var itemId: String?
  var recordedBy: String
  var recordedAt: String
  var settledBy: String?
  var settledAt: String?

  init(_ action: ActionRecord, of audit: AuditRecord) {
    auditId = audit.id
    position = action.position
    unit = audit.unit
    unitKey = audit.unitKey
    checklistId = audit.checklistID
    auditStartedAt = ArchiveTime.string(audit.startedAt)
    what = action.what
    owner = action.owner
    dueOn = action.due.description
    itemId = action.itemID?.rawValue
    recordedBy = action.recordedBy
    recordedAt = ArchiveTime.string(action.recordedAt)
    settledBy = nil
    settledAt = nil
  }

  init(row: some SQLRow) throws {
    auditId = try row.decode(column: "audit_id", as: String.self)
    position = try row.decode(column: "position", as: Int.self)
    unit = try row.decode(column: "unit", as: String.self)
    unitKey = try row.decode(column: "unit_key", as: String.self)
    checklistId = try row.decode(column: "checklist_id", as: String.self)
    auditStartedAt = try row.decode(column: "audit_started_at", as: String.self)
    what = try row.decode(column: "what", as: String.self)
    owner = try row.decode(column: "owner", as: String.self)
    dueOn = try row.decode(column: "due_on", as: String.self)
    itemId = try row.decodeIfPresent(column: "item_id", as: String.self)
    recordedBy = try row.decode(column: "recorded_by", as: String.self)
    recordedAt = try row.decode(column: "recorded_at", as: String.self)
    settledBy = try row.decodeIfPresent(column: "settled_by", as: String.self)
    settledAt = try row.decodeIfPresent(column: "settled_at", as: String.self)
  }

  func action() throws(ArchiveRowError) -> ActionRecord {
    ActionRecord(
      position: position, what: what, owner: owner,
      due: try decodeColumn(dueOn, "corrective_actions.due_on", CalendarDate.init),
      itemID: itemId.map { ItemID($0) }, recordedBy: recordedBy,
      recordedAt: try decodeColumn(recordedAt, "corrective_actions.recorded_at", ArchiveTime.date))
  }

  func entry() throws(ArchiveRowError) -> ArchivedAction {
    ArchivedAction(
      auditID: auditId, unit: unit, checklistID: checklistId,
      auditStartedAt: try decodeColumn(
        auditStartedAt, "corrective_actions.audit_started_at", ArchiveTime.date),
      action: try action(), settledBy: settledBy,
      settledAt: try settledAt.map { text throws(ArchiveRowError) in
        try decodeColumn(text, "corrective_actions.settled_at", ArchiveTime.date)
      })
  }
}

struct KeyRow: Codable, Sendable {
  var publicKey: String
  var fingerprint: String
  var signer: String
  var keyCreatedAt: String?
  var addedBy: String
  var addedAt: String
  var revokedAt: String?
  var revokedBy: String?
  var revocationReason: String?

  var key: RegisteredKey {
    RegisteredKey(
      publicKey: publicKey, fingerprint: fingerprint, signer: signer,
      keyCreatedAt: keyCreatedAt.flatMap(ArchiveTime.date), addedBy: addedBy,
      addedAt: ArchiveTime.date(addedAt) ?? .distantPast, revokedAt: revokedAt.flatMap(ArchiveTime.date),
      revokedBy: revokedBy, revocationReason: revocationReason)
  }
}

/// A line of the import log as inserted: without `entry`, which the database assigns (an explicit NULL would
/// be refused by PostgreSQL's identity column).
struct ImportLogRow: Codable, Sendable {
  var at: String
  var fileName: String
  var sha256: String
  var byteCount: Int
  var receivedFrom: String
  var outcome: String
  var auditId: String?
  var rule: String?
  var reason: String?
}

/// An attachment's bytes, once per SHA-256.
struct AttachmentRow: Codable, Sendable {
  var sha256: String
  var byteCount: Int
  var content: Data
}

/// An attachment as a bundle carried it.
struct DocumentAttachmentRow: Codable, Sendable {
  var documentSha256: String
  var attachmentSha256: String
  var position: Int
  var name: String
  var itemId: String?
  var attachedBy: String
  var attachedAt: String

  init(_ attachment: ArchivedAttachment, position: Int, document: String) {
    documentSha256 = document
    attachmentSha256 = attachment.sha256
    self.position = position
    name = attachment.name
    itemId = attachment.itemID
    attachedBy = attachment.attachedBy
    attachedAt = ArchiveTime.string(attachment.attachedAt)
  }

  /// The record, with the size from the attachments table.
  func attachment(byteCount: Int) throws(ArchiveRowError) -> ArchivedAttachment {
    ArchivedAttachment(
      sha256: attachmentSha256, name: name, byteCount: byteCount, itemID: itemId, attachedBy: attachedBy,
      attachedAt: try decodeColumn(attachedAt, "document_attachments.attached_at", ArchiveTime.date))
  }
}

extension SQLInsertBuilder {
  /// Inserts `rows`, every column named even when nil, snake_case.
  func rows(_ rows: [some Encodable]) throws -> Self {
    try models(rows, keyEncodingStrategy: ArchiveColumnName.encoding, nilEncodingStrategy: .asNil)
  }
}

extension SQLQueryFetcher {
  /// Every row, read column by column.
  func all<Row: ArchiveRowReadable>(reading type: Row.Type) async throws -> [Row] {
    try await all().map { try Row(row: $0) }
  }

  /// Every row, decoded from snake_case columns.
  func all<Row: Decodable>(_ type: Row.Type) async throws -> [Row] {
    try await all(decoding: type, keyDecodingStrategy: ArchiveColumnName.decoding)
  }

  /// The first row, decoded from snake_case columns.
  func first<Row: Decodable>(_ type: Row.Type) async throws -> Row? {
    try await first(decoding: type, keyDecodingStrategy: ArchiveColumnName.decoding)
  }
}
