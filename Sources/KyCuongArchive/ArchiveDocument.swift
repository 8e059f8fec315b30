// The adapter: the one file of KyCuongArchive that reads documents with the library (AuditExport,
// ExportIntegrity, LogChain, EventLog) and verifies them. Everything the archive stores about a document
// comes from here, every score re-derived by the library (`rescore()`, `itemResults`), never copied from
// the file.
import Foundation
import KyCuong
import KyCuongBundle
import KyCuongIntegrity

/// A document read and verified: its kind, the state of the audit it holds, its tamper evidence, and the
/// audit's facts re-derived from its items.
///
/// ```swift
/// let document = try ArchiveDocument.read(data)   // throws ImportRefusal
/// document.audit.overallScore                        // computed here, never copied from the file
/// ```
public struct ArchiveDocument: Sendable {
  /// The hex SHA-256 of the exact bytes.
  public var sha256: String
  /// The number of bytes.
  public var byteCount: Int
  /// Export, log or bundle.
  public var kind: DocumentKind
  /// The audit's facts, scores re-derived.
  public var audit: AuditRecord
  /// The checklist snapshot the audit used.
  public var checklist: ChecklistRecord
  /// The audit's state in this document.
  public var version: AuditVersion
  /// What the document's tamper evidence showed.
  public var seal: DocumentSeal
  /// Things worth saying that do not stop the import: the figures the file stores that its items do not
  /// give (``/KyCuong/AuditExport/inconsistencies``).
  public var warnings: [String]
  /// A bundle's attachments, once per SHA-256, the audit's own first and then its items' (as the bundle
  /// lists them); empty for an export or a log.
  public var attachments: [ArchivedAttachment] = []
  /// The bytes of each of ``attachments``, by SHA-256.
  package var attachmentContent: [String: Data] = [:]

  /// Reads and verifies `data`: tells an export, a log and a bundle apart by content, checks every digest,
  /// link and signature the document carries, checks its items against its checklist snapshot, and
  /// re-derives the scores from the items. A bundle (a zip) is verified whole first: every file against its
  /// manifest, every attachment re-hashed, its log's chain, its export against the log; then its export is
  /// read as an export is.
  ///
  /// - Parameter data: The document's bytes.
  /// - Returns: The document.
  /// - Throws: ``ImportRefusal`` naming the rule that fails.
  public static func read(_ data: Data) throws(ImportRefusal) -> ArchiveDocument {
    let sha256 = Digest.hex(of: data)
    if isBundle(data) {
      return try readBundle(data, sha256: sha256)
    }
    if AuditDocument.looksLikeExport(data) {
      return try readExport(data, sha256: sha256)
    }
    return try readLog(data, sha256: sha256)
  }

  /// The bytes of the file at `url`, refused before reading when it is not a regular file or over the size
  /// limit of an export or log (256 MiB).
  ///
  /// - Parameter url: The file.
  /// - Returns: Its bytes.
  /// - Throws: ``ImportRefusal`` with the rule ``ImportRefusal/Rule/unreadable``.
  public static func readFile(_ url: URL) throws(ImportRefusal) -> Data {
    do throws(FileReadError) {
      return try BoundedFile.read(url, limit: BoundedFile.maximumExportSize)
    } catch {
      throw ImportRefusal(.unreadable, error.description)
    }
  }

  /// The hex SHA-256 of `data`.
  ///
  /// - Parameter data: Any bytes.
  /// - Returns: 64 lowercase hex digits.
  public static func sha256(of data: Data) -> String {
    Digest.hex(of: data)
  }

  /// A unit's name folded for matching: lower case, no diacritics, `đ` as `d`, single spaces.
  ///
  /// - Parameter name: A unit's name as written.
  /// - Returns: The folded name (`ubnd phuong hang bac`).
  public static func unitKey(_ name: String) -> String {
    VietnameseFolding.fold(name)
  }

  /// The line digests (`sha256:…`) of a stored log, oldest first: the chain that ``AuditVersion`` compares.
  static func chain(ofLog data: Data) -> [String] {
    EventLog.readLines(data).events.map { Digest.labelled($0.bytes) }
  }

  /// The chain of a stored document that carries a log (a log, or a bundle's `log.jsonl`); `nil` for an
  /// export.
  static func chain(of data: Data, kind: DocumentKind) -> [String]? {
    switch kind {
    case .log: chain(ofLog: data)
    case .bundle: member(AuditBundle.logPath, ofBundle: data).map(chain(ofLog:))
    case .export: nil
    }
  }

  /// A team leader's public key file (`kycuong key generate` writes `NAME.key.pub`).
  public struct KeyFile: Hashable, Sendable {
    /// The 32-byte Ed25519 key in base64.
    public var publicKey: String
    /// Its fingerprint.
    public var fingerprint: String
    /// The signer's name stored with the key.
    public var signer: String
    /// When the key was made.
    public var createdAt: Date
  }

  /// Reads a public key file.
  ///
  /// - Parameter url: The `.pub` file.
  /// - Returns: The key.
  /// - Throws: ``ArchiveError`` with code ``ArchiveError/Code/key`` saying what is wrong.
  public static func readKeyFile(_ url: URL) throws(ArchiveError) -> KeyFile {
    do throws(KeyError) {
      let key = try PublicSigningKey.read(from: url)
      return KeyFile(
        publicKey: key.rawRepresentation.base64EncodedString(), fingerprint: key.fingerprint,
        signer: key.signer, createdAt: key.createdAt)
    } catch {
      throw ArchiveError(.key, error.description)
    }
  }

  /// The export a stored document holds, read again through the library (a log replayed into its audit, a
  /// bundle's `export.json`), for a record made from the archive.
  ///
  /// - Parameter data: The stored bytes.
  /// - Returns: The export.
  /// - Throws: ``ImportRefusal`` when the bytes no longer read as an audit.
  public static func export(of data: Data) throws(ImportRefusal) -> AuditExport {
    do {
      return try AuditDocument(data: member(AuditBundle.exportPath, ofBundle: data) ?? data).export
    } catch {
      throw ImportRefusal(.notAnAudit, error.description)
    }
  }

  // MARK: - Exports

  static func readExport(_ data: Data, sha256: String) throws(ImportRefusal) -> ArchiveDocument {
    // One parse for the reading and the digests.
    let (read, verification) = ExportIntegrity.readAndVerify(exportData: data)
    let export: AuditExport
    switch read {
    case .success(let value): export = value
    case .failure(let error): throw refusal(error)
    }
    if let problem = verification.problems.first {
      throw ImportRefusal(.integrity, problem.description)
    }
    let seal: DocumentSeal
    if let signature = export.integrity?.signature {
      guard verification.signatureValid, let fingerprint = verification.fingerprint else {
        throw ImportRefusal(.integrity, ExportVerification.Problem.invalidSignature.description)
      }
      seal = .signed(
        SignatureRecord(
          publicKey: signature.publicKey, fingerprint: fingerprint, signer: signature.signer,
          signedAt: signature.signedAt))
    } else {
      seal = verification.sealed ? .sealed : .unsealed
    }
    let (audit, checklist) = try facts(of: export)
    let version = AuditVersion(
      identity: identity(of: audit), eventCount: export.audit.eventCount,
      chainHead: export.integrity?.chainHead, finished: export.audit.finishedAt != nil,
      stateDigest: try stateDigest(of: export), chain: nil)
    return ArchiveDocument(
      sha256: sha256, byteCount: data.count, kind: .export, audit: audit, checklist: checklist,
      version: version, seal: seal, warnings: export.inconsistencies.map(\.description))
  }

  /// The rule an export the library refuses breaks: its items against its snapshot, or not being an export.
  static func refusal(_ error: ExportError) -> ImportRefusal {
    switch error {
    case .itemListedTwice, .itemMissing, .itemNotInChecklist, .outcomeNotAccepted, .inconsistent:
      ImportRefusal(.inconsistent, error.description)
    case .unreadable, .notJSON, .duplicateKey, .unknownFormat, .decoding:
      ImportRefusal(.notAnAudit, error.description)
    }
  }

  // MARK: - Logs

  static func readLog(_ data: Data, sha256: String) throws(ImportRefusal) -> ArchiveDocument {
    let verification = LogChain.verify(data)
    if verification.eventCount == 0 {
      throw ImportRefusal(
        .notAnAudit,
        "neither an audit export nor an event log"
          + (verification.problems.first.map { " (\($0.description))" } ?? ""))
    }
    if let problem = verification.problems.first {
      throw ImportRefusal(.chain, problem.description)
    }
    let rebuilt: Audit
    do {
      rebuilt = try EventLog.audit(from: data).audit
    } catch {
      throw ImportRefusal(.chain, "the events do not replay: \(error.description)")
    }
    // One path for the facts: the log's audit seen as its export, built here (the file claims nothing).
    let export = AuditExport(rebuilt)
    let (audit, checklist) = try facts(of: export)
    let version = AuditVersion(
      identity: identity(of: audit), eventCount: rebuilt.events.count, chainHead: verification.head,
      finished: rebuilt.isFinished, stateDigest: try stateDigest(of: export), chain: chain(ofLog: data))
    return ArchiveDocument(
      sha256: sha256, byteCount: data.count, kind: .log, audit: audit, checklist: checklist,
      version: version, seal: verification.unchainedEvents > 0 ? .unchained : .chained, warnings: [])
  }

  // MARK: - Facts

  /// The standard checklists this program ships, by id.
  private static let standard: [String: Checklist] = {
    let checklists = (try? Catalog.standard)?.checklists ?? []
    return Dictionary(checklists.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }()

  /// Refuses a snapshot that claims a standard checklist's id and version with other content, or a version
  /// of a standard checklist newer than the one this program ships (which it cannot vouch for).
  private static func checkStandard(_ snapshot: Checklist, digest: String) throws(ImportRefusal) {
    guard let shipped = standard[snapshot.id] else { return }
    if shipped.version == snapshot.version {
      let expected = ExportIntegrity.snapshotDigest(of: shipped)
      guard expected == digest else {
        throw ImportRefusal(
          .checklist,
          "the snapshot says it is the standard checklist \(snapshot.id) version \(snapshot.version), but its "
            + "content differs from that version (\(digest), standard \(expected))")
      }
    } else if isNewer(snapshot.version, than: shipped.version) {
      throw ImportRefusal(
        .checklist,
        "checklist \(snapshot.id) version \(snapshot.version) is unknown to this program, which ships version "
          + "\(shipped.version): the document was made by a newer kycuong. Archive it with that version or "
          + "a later one")
    }
  }

  /// Whether the dotted version `version` comes after `other` (numbers compared as numbers).
  private static func isNewer(_ version: String, than other: String) -> Bool {
    let left = version.split(separator: ".")
    let right = other.split(separator: ".")
    for (a, b) in zip(left, right) where a != b {
      if let x = Int(a), let y = Int(b) { return x > y }
      return a > b
    }
    return left.count > right.count
  }

  /// The audit's facts from an export's snapshot and item states; every score re-derived by the library.
  private static func facts(of export: AuditExport) throws(ImportRefusal) -> (AuditRecord, ChecklistRecord) {
    let snapshot = export.checklist.snapshot
    // The digest that names the content in the archive, whatever the export's format.
    let digest = ExportIntegrity.snapshotDigest(of: snapshot)
    try checkStandard(snapshot, digest: digest)
    let report = export.rescore()
    let results = export.itemResults
    let exported = Dictionary(export.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var items: [ItemResult] = []
    var checklistItems: [ChecklistRecord.Item] = []
    for section in snapshot.sections {
      for item in section.items {
        let record = exported[item.id]
        let result = results[item.id]
        let applicable = result?.applicable ?? false
        items.append(
          ItemResult(
            itemID: item.id, position: items.count, sectionID: section.id, kind: item.kind.name,
            weight: item.weight, critical: item.critical, tags: item.tags, applicable: applicable,
            status: record?.status ?? .unanswered,
            outcome: record?.status == .answered ? record?.outcome?.name : nil,
            score: applicable ? result?.score : nil))
        checklistItems.append(
          ChecklistRecord.Item(
            position: checklistItems.count, itemID: item.id, sectionID: section.id, text: item.text,
            critical: item.critical, tags: item.tags))
      }
    }
    let visit = export.audit
    let audit = AuditRecord(
      id: visit.id, unit: visit.unit.name, unitKey: unitKey(visit.unit.name), unitAddress: visit.unit.address,
      checklistID: snapshot.id, checklistVersion: snapshot.version, checklistDigest: digest,
      visitType: visit.visitType, startedAt: visit.startedAt, finishedAt: visit.finishedAt,
      leader: visit.team.leader, members: visit.team.members, eventCount: visit.eventCount,
      scoringModel: report.model, overallScore: report.overall, rating: report.rating,
      ratingForcedByCriticalFailure: report.ratingForcedByCriticalFailure,
      criticalFailures: report.criticalFailures, answeredItems: report.completeness.answered,
      skippedItems: report.completeness.skipped, applicableItems: report.completeness.applicable,
      focusAreas: report.focusAreas.map {
        FocusAreaResult(tag: $0.tag, score: $0.score, scoredItems: $0.scoredItems)
      },
      items: items,
      actions: export.correctiveActions.enumerated().map { index, action in
        ActionRecord(
          position: index, what: action.what, owner: action.owner, due: action.due, itemID: action.item,
          recordedBy: action.by, recordedAt: action.at)
      })
    let checklist = ChecklistRecord(
      id: snapshot.id, version: snapshot.version, digest: digest, title: snapshot.title, items: checklistItems
    )
    return (audit, checklist)
  }

  /// The digest of the state an export holds, without its tamper evidence and with every derived figure
  /// as the items give it: the library's deterministic encoding of the export in this library's format. A
  /// log and its export give the same, whatever the export's format version and whatever scores it stores.
  private static func stateDigest(of export: AuditExport) throws(ImportRefusal) -> String {
    var plain = export
    plain.integrity = nil
    plain.format = AuditExport.formatID
    plain.checklist.digest = AuditExport.digest(of: export.checklist.snapshot)
    plain.scores = export.rescore()
    let results = export.itemResults
    for index in plain.items.indices {
      let result = results[plain.items[index].id]
      plain.items[index].applicable = result?.applicable ?? false
      plain.items[index].score = result?.score
    }
    do {
      // The encoder's own bytes, not `jsonData()`: that escapes terminal controls for printing, and the digests
      // an archive has stored were taken over these bytes.
      var data = try JSONCoding.encoder(pretty: true).encode(plain)
      data.append(UInt8(ascii: "\n"))
      return Digest.labelled(data)
    } catch {
      throw ImportRefusal(.notAnAudit, "the audit cannot be encoded again: \(error.localizedDescription)")
    }
  }

  private static func identity(of audit: AuditRecord) -> AuditVersion.Identity {
    AuditVersion.Identity(
      unit: audit.unit, checklistDigest: audit.checklistDigest, startedAt: audit.startedAt,
      leader: audit.leader)
  }
}
