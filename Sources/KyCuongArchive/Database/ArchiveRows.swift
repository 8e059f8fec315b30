import Foundation
import SQLKit

// The tables' rows as Codable values: SQLKit encodes them into inserts and decodes query rows into them,
// with snake_case column names (`auditId` is `audit_id`). Times and days are text (``ArchiveTime``). The
// property names avoid runs of capitals so that the snake_case conversion is unambiguous.

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
    "import_entry", "event_count", "chain_head", "state_digest", "seal", "signer", "signer_fingerprint",
    "signed_at", "key_trust",
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
  var signerFingerprint: String?
  var signedAt: String?
  var keyTrust: String

  var document: StoredDocument {
    StoredDocument(
      sha256: sha256, kind: kind, auditID: auditId, byteCount: byteCount,
      receivedAt: ArchiveTime.date(receivedAt) ?? .distantPast, receivedFrom: receivedFrom,
      fileName: fileName,
      relation: relation, importEntry: importEntry, eventCount: eventCount, chainHead: chainHead,
      stateDigest: stateDigest, seal: seal, signer: signer,
      signerFingerprint: signerFingerprint, signedAt: signedAt.flatMap(ArchiveTime.date), keyTrust: keyTrust)
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
  /// The other members, one per line.
  var members: String
  var eventCount: Int
  var chainHead: String?
  var stateDigest: String
  var scoringModel: String
  var overallScore: Double?
  var ratingId: String?
  var ratingForced: Bool
  var criticalFailures: Int
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
    visitType = audit.visitType
    startedAt = ArchiveTime.string(audit.startedAt)
    startedOn = ArchiveTime.day(audit.startedAt)
    finishedAt = audit.finishedAt.map(ArchiveTime.string)
    leader = audit.leader
    members = audit.members.joined(separator: "\n")
    eventCount = audit.eventCount
    chainHead = version.chainHead
    stateDigest = version.stateDigest
    scoringModel = audit.scoringModel
    overallScore = audit.overallScore
    ratingId = audit.ratingID
    ratingForced = audit.ratingForcedByCriticalFailure
    criticalFailures = audit.criticalFailures.count
    answeredItems = audit.answeredItems
    skippedItems = audit.skippedItems
    applicableItems = audit.applicableItems
    currentDocument = document
    updatedAt = ArchiveTime.string(time)
  }

  /// The state this row holds, for comparing a new document with it.
  var version: AuditVersion {
    AuditVersion(
      identity: AuditVersion.Identity(
        unit: unit, checklistDigest: checklistDigest, startedAt: ArchiveTime.date(startedAt) ?? .distantPast,
        leader: leader),
      eventCount: eventCount, chainHead: chainHead, finished: finishedAt != nil, stateDigest: stateDigest,
      chain: nil)
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
    itemId = item.itemID
    position = item.position
    sectionId = item.sectionID
    kind = item.kind
    weight = item.weight
    critical = item.critical
    tags = item.tags.joined(separator: " ")
    applicable = item.applicable
    status = item.status
    outcome = item.outcome
    score = item.score
  }

  var result: ItemResult {
    ItemResult(
      itemID: itemId, position: position, sectionID: sectionId, kind: kind, weight: weight,
      critical: critical,
      tags: tags.split(separator: " ").map(String.init), applicable: applicable, status: status,
      outcome: outcome, score: score)
  }
}

struct FocusAreaRow: Codable, Sendable {
  var auditId: String
  var tag: String
  var score: Double?
  var scoredItems: Int
}

struct ActionRow: Codable, Sendable {
  var auditId: String
  var position: Int
  var unitKey: String
  var what: String
  var owner: String
  var dueOn: String
  var itemId: String?
  var recordedBy: String
  var recordedAt: String

  var action: ActionRecord {
    ActionRecord(
      position: position, what: what, owner: owner, due: dueOn, itemID: itemId, recordedBy: recordedBy,
      recordedAt: ArchiveTime.date(recordedAt) ?? .distantPast)
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

extension SQLInsertBuilder {
  /// Inserts `rows`, every column named even when nil, snake_case.
  func rows(_ rows: [some Encodable]) throws -> Self {
    try models(rows, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
  }
}

extension SQLQueryFetcher {
  /// Every row, decoded from snake_case columns.
  func all<Row: Decodable>(_ type: Row.Type) async throws -> [Row] {
    try await all(decoding: type, keyDecodingStrategy: .convertFromSnakeCase)
  }

  /// The first row, decoded from snake_case columns.
  func first<Row: Decodable>(_ type: Row.Type) async throws -> Row? {
    try await first(decoding: type, keyDecodingStrategy: .convertFromSnakeCase)
  }
}
