import Foundation

/// A scored audit as one JSON document (`"format": "kycuong.audit/1"`), for other tools and for the record.
///
/// The export holds the checklist snapshot and every item's state, so it can be scored again without the
/// event log (``rescore(model:)``). Encoding is deterministic: sorted keys, ISO 8601 UTC times, checklist order;
/// two exports of one audit are byte-identical.
public struct AuditExport: Hashable, Sendable, Codable {
  /// The format id this library writes. Readers accept any `kycuong.audit/1.x`-compatible file: later
  /// versions only add fields.
  public static let formatID = "kycuong.audit/1"

  /// Always ``formatID``.
  public var format: String
  /// The visit.
  public var audit: Visit
  /// The checklist, its digest and its snapshot.
  public var checklist: ChecklistReference
  /// Every item of the checklist, in order.
  public var items: [ExportedItem]
  /// Scores under the checklist's model.
  public var scores: ScoreReport
  /// Findings of the team.
  public var findings: [Remark]
  /// Recommendations of the team.
  public var recommendations: [Remark]
  /// Corrective actions for the unit.
  public var correctiveActions: [CorrectiveAction]
  /// Notes not tied to an item.
  public var notes: [Remark]
  /// Attachments not tied to an item.
  public var attachments: [Attachment]
  /// The unit's explanations not tied to an item.
  public var explanations: [Remark]
  /// Tamper evidence: the digests of the log's chain head, of the snapshot and of the export, and an optional
  /// signature. Added to `kycuong.audit/1` as an optional field; `nil` in an export made by ``init(_:)`` alone
  /// (the digests need the log's bytes and SHA-256 from `KyCuongIntegrity`).
  public var integrity: Integrity?

  /// Tamper evidence of an export (`integrity`). Every digest is `sha256:` and 64 lowercase hex digits.
  public struct Integrity: Hashable, Sendable, Codable {
    /// The SHA-256 of the exact bytes of the last line of the audit's event log (without its newline).
    public var chainHead: String
    /// The SHA-256 of the checklist snapshot's canonical JSON; equals `checklist.digest`.
    public var snapshotDigest: String
    /// The SHA-256 of the export's canonical JSON without `integrity.exportDigest` and `integrity.signature`.
    public var exportDigest: String?
    /// The team leader's signature of ``exportDigest``, if the export was signed.
    public var signature: Signature?

    /// Creates the field.
    public init(
      chainHead: String, snapshotDigest: String, exportDigest: String? = nil, signature: Signature? = nil
    ) {
      self.chainHead = chainHead
      self.snapshotDigest = snapshotDigest
      self.exportDigest = exportDigest
      self.signature = signature
    }
  }

  /// A signature of an export's digest (`integrity.signature`).
  public struct Signature: Hashable, Sendable, Codable {
    /// `ed25519`.
    public var algorithm: String
    /// The signer's public key: 32 bytes, base64.
    public var publicKey: String
    /// Who signed (the name stored with the key).
    public var signer: String
    /// When.
    public var signedAt: Date
    /// The digest that was signed (`sha256:…`, the export digest).
    public var digest: String
    /// The signature: 64 bytes, base64, over the canonical JSON of this record without `value` (so over the
    /// digest, the key, the signer and the time).
    public var value: String

    /// Creates a signature record.
    public init(
      algorithm: String, publicKey: String, signer: String, signedAt: Date, digest: String, value: String
    ) {
      self.algorithm = algorithm
      self.publicKey = publicKey
      self.signer = signer
      self.signedAt = signedAt
      self.digest = digest
      self.value = value
    }
  }

  /// The visit: who inspected whom, how and when.
  public struct Visit: Hashable, Sendable, Codable {
    /// The audit's id.
    public var id: String
    /// The inspected unit.
    public var unit: InspectedUnit
    /// The team.
    public var team: InspectionTeam
    /// Scheduled or surprise.
    public var visitType: VisitType
    /// Start time.
    public var startedAt: Date
    /// End time, if finished.
    public var finishedAt: Date?
    /// Number of events in the audit's log.
    public var eventCount: Int
  }

  /// The checklist an audit used.
  public struct ChecklistReference: Hashable, Sendable, Codable {
    /// Its id.
    public var id: String
    /// Its version.
    public var version: String
    /// Its title.
    public var title: LocalizedText
    /// `sha256:` and the SHA-256 of the snapshot's canonical JSON (sorted keys, no spaces).
    public var digest: String
    /// The checklist as it was when the audit started.
    public var snapshot: Checklist
  }

  /// One item's result.
  public struct ExportedItem: Hashable, Sendable, Codable {
    /// The item's id.
    public var id: String
    /// Its section's id.
    public var section: String
    /// `check`, `observation`, `scale` or `text`.
    public var kind: String
    /// Its weight.
    public var weight: Double
    /// Whether it is critical.
    public var critical: Bool
    /// Its tags.
    public var tags: [String]
    /// Whether it applied (its `applicableWhen` held).
    public var applicable: Bool
    /// `answered`, `skipped` or `unanswered`.
    public var status: String
    /// The answer, when answered.
    public var outcome: Outcome?
    /// Why it was not checked, when skipped.
    public var skipReason: String?
    /// Remark given with the answer.
    public var remark: String?
    /// Who answered or skipped it.
    public var by: String?
    /// When.
    public var at: Date?
    /// Score 0…1, `nil` when not scored.
    public var score: Double?
    /// Evidence notes.
    public var notes: [Remark]
    /// Attachments.
    public var attachments: [Attachment]
    /// The unit's explanations.
    public var explanations: [Remark]
    /// Earlier answers.
    public var history: [AnswerOverride]

    /// The state this record describes.
    public var state: ItemState {
      switch status {
      case "answered": outcome.map(ItemState.answered) ?? .unanswered
      case "skipped": .skipped(reason: skipReason ?? "")
      default: .unanswered
      }
    }
  }

  /// Builds the export of `audit`.
  public init(_ audit: Audit) {
    let checklist = audit.checklist
    let applicability = audit.applicability
    format = Self.formatID
    self.audit = Visit(
      id: audit.id, unit: audit.header.unit, team: audit.header.team, visitType: audit.header.visitType,
      startedAt: audit.startedAt, finishedAt: audit.finishedAt, eventCount: audit.events.count)
    self.checklist = ChecklistReference(
      id: checklist.id, version: checklist.version, title: checklist.title,
      digest: Self.digest(of: checklist),
      snapshot: checklist)
    items = checklist.sections.flatMap { section in
      section.items.map { item in
        let record = audit.records[item.id] ?? ItemRecord(itemID: item.id)
        let applicable = applicability.isApplicable(item.id)
        var status = "unanswered"
        var skipReason: String?
        switch record.state {
        case .answered: status = "answered"
        case .skipped(let reason):
          status = "skipped"
          skipReason = reason
        case .unanswered: break
        }
        return ExportedItem(
          id: item.id, section: section.id, kind: item.kind.name, weight: item.weight,
          critical: item.critical,
          tags: item.tags, applicable: applicable, status: status, outcome: record.outcome,
          skipReason: skipReason,
          remark: record.remark, by: record.by, at: record.at,
          score: applicable
            ? item.score(for: record.state, partialCredit: checklist.scoring.partialCredit) : nil,
          notes: record.notes, attachments: record.attachments, explanations: record.explanations,
          history: record.history)
      }
    }
    scores = audit.score()
    findings = audit.findings
    recommendations = audit.recommendations
    correctiveActions = audit.correctiveActions
    notes = audit.general.notes
    attachments = audit.general.attachments
    explanations = audit.general.explanations
  }

  /// Scores the export again from its snapshot and item states, independently of the event log.
  public func rescore(model: ScoringModel? = nil) -> ScoreReport {
    Scorer.score(
      checklist: checklist.snapshot,
      // An item listed twice keeps its first record (``read(_:)`` refuses such a file; this guards values made
      // in code).
      states: Dictionary(items.map { ($0.id, $0.state) }, uniquingKeysWith: { first, _ in first }),
      model: model, finished: audit.finishedAt != nil)
  }

  /// The export as JSON: sorted keys, pretty-printed, ISO 8601 UTC times, ending in a newline.
  public func jsonData() throws -> Data {
    let encoder = EventLog.makeEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// Reads an export.
  ///
  /// - Throws: ``ExportError`` when the data is not an export of a format this library reads.
  public static func read(_ data: Data) throws(ExportError) -> AuditExport {
    // A key given twice would be read as one of its values, silently.
    if let key = EventLog.duplicateKey(in: data) {
      throw ExportError(reason: "the key \"\(key)\" occurs twice; each key is given once")
    }
    let export: AuditExport
    do {
      export = try EventLog.makeDecoder().decode(AuditExport.self, from: data)
    } catch {
      throw ExportError(reason: EventLog.reason(error))
    }
    // "kycuong.audit/1" or a later "kycuong.audit/1.x", not "kycuong.audit/10".
    guard export.format == formatID || export.format.hasPrefix(formatID + ".") else {
      throw ExportError(reason: "unknown format \"\(export.format)\"; this version reads \(formatID)")
    }
    // Every item once: a record listed twice would leave the item's result ambiguous.
    var seen = Set<String>()
    for item in export.items where !seen.insert(item.id).inserted {
      throw ExportError(reason: "item \"\(item.id)\" is listed twice in `items`; each item has one record")
    }
    return export
  }

  /// `sha256:` and the SHA-256 of `checklist`'s canonical JSON (sorted keys, no spaces, no escaped slashes).
  public static func digest(of checklist: Checklist) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(checklist)) ?? Data()
    return "sha256:" + SHA256Digest.hex(of: data)
  }
}

/// A file is not a KyCuong export.
public struct ExportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Why.
  public var reason: String

  /// Creates the error.
  public init(reason: String) {
    self.reason = reason
  }

  /// "not a KyCuong export: …".
  public var description: String { "not a KyCuong export: \(reason)" }
}
