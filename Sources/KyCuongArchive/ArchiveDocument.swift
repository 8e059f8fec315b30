// The adapter: the ONLY file of KyCuongArchive that uses the KyCuong and KyCuongIntegrity API. Everything
// else in the archive works on its own types (AuditRecord, ChecklistRecord, AuditVersion, DocumentSeal), so
// that when the library's API changes (typed ids, calendar dates, typed statuses, one canonical JSON) only
// this file is re-pointed. Each use of the library is marked `KyCuong:` below.
import Foundation
import KyCuong
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
  /// Export or log.
  public var kind: DocumentKind
  /// The audit's facts, scores re-derived.
  public var audit: AuditRecord
  /// The checklist snapshot the audit used.
  public var checklist: ChecklistRecord
  /// The audit's state in this document.
  public var version: AuditVersion
  /// What the document's tamper evidence showed.
  public var seal: DocumentSeal
  /// Things worth saying that do not stop the import (stored scores that differ from the re-derived ones).
  public var warnings: [String]

  /// Reads and verifies `data`: tells an export from a log by content, checks every digest, link and
  /// signature the document carries, checks its items against its checklist snapshot, and re-derives the
  /// scores from the items.
  ///
  /// - Throws: ``ImportRefusal`` naming the rule that fails.
  public static func read(_ data: Data) throws(ImportRefusal) -> ArchiveDocument {
    // KyCuong: Digest (SHA-256 as KyCuong writes it).
    let sha256 = Digest.hex(of: data)
    if isExport(data) {
      return try readExport(data, sha256: sha256)
    }
    return try readLog(data, sha256: sha256)
  }

  /// The bytes of the file at `url`, refused before reading when it is not a regular file or over the size
  /// limit of an export or log (256 MiB).
  public static func readFile(_ url: URL) throws(ImportRefusal) -> Data {
    do throws(FileReadError) {
      // KyCuong: BoundedFile, FileReadError.
      return try BoundedFile.read(url, limit: BoundedFile.maximumExportSize)
    } catch {
      throw ImportRefusal(.unreadable, error.description)
    }
  }

  /// The hex SHA-256 of `data`.
  public static func sha256(of data: Data) -> String {
    Digest.hex(of: data)  // KyCuong: Digest.
  }

  /// A unit's name folded for matching: lower case, no diacritics, `đ` as `d`, single spaces.
  public static func unitKey(_ name: String) -> String {
    VietnameseFolding.fold(name)  // KyCuong: VietnameseFolding.
  }

  /// The line digests (`sha256:…`) of a stored log, oldest first: the chain that ``AuditVersion`` compares.
  public static func chain(ofLog data: Data) -> [String] {
    // KyCuong: EventLog.readLines, Digest.
    EventLog.readLines(data).events.map { Digest.labelled($0.bytes) }
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
  /// - Throws: ``ArchiveError`` with code ``ArchiveError/Code/key`` saying what is wrong.
  public static func readKeyFile(_ url: URL) throws(ArchiveError) -> KeyFile {
    do {
      // KyCuong: PublicSigningKey (KyCuongIntegrity).
      let key = try PublicSigningKey.read(from: url)
      return KeyFile(
        publicKey: key.rawRepresentation.base64EncodedString(), fingerprint: key.fingerprint,
        signer: key.signer, createdAt: key.createdAt)
    } catch {
      throw ArchiveError(.key, error.description)
    }
  }

  /// The fingerprint of a base64 public key, or `nil` unless it is 32 bytes.
  public static func fingerprint(ofPublicKey base64: String) -> String? {
    guard let raw = Data(base64Encoded: base64), raw.count == 32 else { return nil }
    return PublicSigningKey.fingerprint(ofRawKey: raw)  // KyCuong: PublicSigningKey.
  }

  // MARK: - Exports

  /// An export is one JSON object with a `format` member (as `AuditDocument.read` tells them apart).
  private static func isExport(_ data: Data) -> Bool {
    // KyCuong: JSONReader.
    guard let json = try? JSONReader.parse(data), case .object = json else { return false }
    return json["format"] != nil
  }

  private static func readExport(_ data: Data, sha256: String) throws(ImportRefusal) -> ArchiveDocument {
    // KyCuong: ExportIntegrity.verify (snapshot digest, export digest, signature), AuditExport.read.
    let verification = ExportIntegrity.verify(exportData: data)
    let export: AuditExport
    do {
      export = try AuditExport.read(data)
    } catch {
      throw ImportRefusal(.notAnAudit, error.description)
    }
    if let problem = verification.problems.first {
      throw ImportRefusal(.integrity, problem)
    }
    let seal: DocumentSeal
    if let signature = export.integrity?.signature {
      guard verification.signatureValid, let fingerprint = verification.fingerprint else {
        throw ImportRefusal(.integrity, "the signature is not valid for its digest and key")
      }
      seal = .signed(
        SignatureRecord(
          publicKey: signature.publicKey, fingerprint: fingerprint, signer: signature.signer,
          signedAt: signature.signedAt))
    } else {
      seal = verification.sealed ? .sealed : .unsealed
    }
    var (audit, checklist) = try facts(of: export)
    var warnings: [String] = []
    // KyCuong: AuditExport.rescore (the scores from the snapshot and the item states).
    if export.rescore() != export.scores {
      warnings.append(
        "the scores stored in the file differ from those its items give; the archive keeps the re-derived "
          + "ones (overall \(describe(audit.overallScore)))")
    }
    audit.eventCount = export.audit.eventCount
    let version = AuditVersion(
      identity: identity(of: audit), eventCount: export.audit.eventCount,
      chainHead: export.integrity?.chainHead, finished: export.audit.finishedAt != nil,
      stateDigest: try stateDigest(of: export), chain: nil)
    return ArchiveDocument(
      sha256: sha256, byteCount: data.count, kind: .export, audit: audit, checklist: checklist,
      version: version, seal: seal, warnings: warnings)
  }

  // MARK: - Logs

  private static func readLog(_ data: Data, sha256: String) throws(ImportRefusal) -> ArchiveDocument {
    // KyCuong: LogChain.verify (every link, every line digest, the replay), EventLog.
    let verification = LogChain.verify(data)
    if verification.eventCount == 0 {
      throw ImportRefusal(
        .notAnAudit,
        "neither an audit export nor an event log"
          + (verification.firstProblem.map { " (\($0.description))" } ?? ""))
    }
    if let problem = verification.firstProblem {
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
    let chain = Self.chain(ofLog: data)
    let version = AuditVersion(
      identity: identity(of: audit), eventCount: rebuilt.events.count, chainHead: verification.head,
      finished: rebuilt.isFinished, stateDigest: try stateDigest(of: export), chain: chain)
    return ArchiveDocument(
      sha256: sha256, byteCount: data.count, kind: .log, audit: audit, checklist: checklist,
      version: version, seal: verification.isIntact ? .chained : .unchained, warnings: [])
  }

  // MARK: - Facts

  /// The standard checklists' snapshot digests by `id@version`, to refuse a snapshot that claims a standard
  /// version with other content.
  private static let standardDigests: [String: String] = {
    // KyCuong: Catalog.standard, ExportIntegrity.snapshotDigest.
    let checklists = (try? Catalog.standard)?.checklists ?? []
    return Dictionary(
      checklists.map { ("\($0.id)@\($0.version)", ExportIntegrity.snapshotDigest(of: $0)) },
      uniquingKeysWith: { first, _ in first })
  }()

  /// The audit's facts from an export's snapshot and item states; every score re-derived.
  private static func facts(of export: AuditExport) throws(ImportRefusal) -> (AuditRecord, ChecklistRecord) {
    // KyCuong: AuditExport, Checklist, Item, ItemState, Scorer, Applicability, ScoreReport.
    let snapshot = export.checklist.snapshot
    let digest = ExportIntegrity.snapshotDigest(of: snapshot)
    if let standard = standardDigests["\(snapshot.id)@\(snapshot.version)"], standard != digest {
      throw ImportRefusal(
        .checklist,
        "the snapshot says it is the standard checklist \(snapshot.id) version \(snapshot.version), but its "
          + "content differs from that version (\(digest), standard \(standard))")
    }
    var states: [String: ItemState] = [:]
    for item in export.items {
      guard let definition = snapshot.item(withID: item.id) else {
        throw ImportRefusal(
          .inconsistent,
          "item \"\(item.id)\" is not in the checklist snapshot \(snapshot.id) \(snapshot.version)")
      }
      if let outcome = item.outcome, item.status == "answered",
        let problem = outcome.problem(for: definition.kind)
      {
        throw ImportRefusal(.inconsistent, "item \"\(item.id)\": \(problem)")
      }
      states[item.id] = item.state
    }
    let finished = export.audit.finishedAt != nil
    let report = Scorer.score(checklist: snapshot, states: states, finished: finished)
    let applicability = Applicability(checklist: snapshot, states: states)
    let credit = snapshot.scoring.partialCredit
    var items: [ItemResult] = []
    var checklistItems: [ChecklistRecord.Item] = []
    for section in snapshot.sections {
      for item in section.items {
        let state = states[item.id] ?? .unanswered
        let applicable = applicability.isApplicable(item.id)
        let (status, outcome): (String, String?) =
          switch state {
          case .answered(let outcome): ("answered", outcome.name)
          case .skipped: ("skipped", nil)
          case .unanswered: ("unanswered", nil)
          }
        items.append(
          ItemResult(
            itemID: item.id, position: items.count, sectionID: section.id, kind: item.kind.name,
            weight: item.weight, critical: item.critical, tags: item.tags, applicable: applicable,
            status: status, outcome: outcome,
            score: applicable ? item.score(for: state, partialCredit: credit) : nil))
        checklistItems.append(
          ChecklistRecord.Item(
            position: checklistItems.count, itemID: item.id, sectionID: section.id, textVI: item.text.vi,
            textEN: item.text.en))
      }
    }
    let visit = export.audit
    let audit = AuditRecord(
      id: visit.id, unit: visit.unit.name, unitKey: unitKey(visit.unit.name), unitAddress: visit.unit.address,
      checklistID: snapshot.id, checklistVersion: snapshot.version, checklistDigest: digest,
      visitType: visit.visitType.rawValue, startedAt: visit.startedAt, finishedAt: visit.finishedAt,
      leader: visit.team.leader, members: visit.team.members, eventCount: visit.eventCount,
      scoringModel: report.model.rawValue, overallScore: report.overall, ratingID: report.rating?.id,
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
      id: snapshot.id, version: snapshot.version, digest: digest, titleVI: snapshot.title.vi,
      titleEN: snapshot.title.en, items: checklistItems)
    return (audit, checklist)
  }

  /// The digest of the state an export holds, without its tamper evidence: the library's deterministic
  /// encoding of the export with `integrity` removed. A log and its export give the same.
  private static func stateDigest(of export: AuditExport) throws(ImportRefusal) -> String {
    // KyCuong: AuditExport.jsonData, Digest.
    var plain = export
    plain.integrity = nil
    do {
      return Digest.labelled(try plain.jsonData())
    } catch {
      throw ImportRefusal(.notAnAudit, "the audit cannot be encoded again: \(error.localizedDescription)")
    }
  }

  private static func identity(of audit: AuditRecord) -> AuditVersion.Identity {
    AuditVersion.Identity(
      unit: audit.unit, checklistDigest: audit.checklistDigest, startedAt: audit.startedAt,
      leader: audit.leader)
  }

  private static func describe(_ score: Double?) -> String {
    score.map { String(format: "%.1f", $0) } ?? "none"
  }
}
