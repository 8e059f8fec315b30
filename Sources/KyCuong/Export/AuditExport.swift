import Foundation
import KyCuongAudit
import KyCuongCatalog
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// A scored audit as one JSON document (`"format": "kycuong.audit/1.1"`), for other tools and for the record.
///
/// The export holds the checklist snapshot and every item's state, so it can be scored again without the
/// event log (``rescore(model:)``). Encoding is deterministic: sorted keys, ISO 8601 UTC times, checklist
/// order; two exports of one audit are byte-identical.
///
/// Reading one (``init(data:)``, ``read(from:)``) checks it as strictly as recording the audit did: valid
/// JSON with no key twice, a format this library reads, a snapshot that passes every rule of the checklist
/// format, each of its items listed once, in order, as the snapshot defines it, and every answer one its
/// item's kind accepts. The scores stored in it are never trusted by KyCuong's reports: they score it
/// again (``rescore(model:)``) and say when the stored figures differ (``inconsistencies``).
public struct AuditExport: Hashable, Sendable, Codable {
  /// The format id this library writes. Version 1.1 computes every digest over RFC 8785 canonical JSON
  /// (version 1 used an earlier form, still verified) and adds the audit's context.
  public static let formatID = "kycuong.audit/1.1"

  /// The format ids this library reads: `kycuong.audit/1` and any `kycuong.audit/1.x` (later minor
  /// versions only add fields).
  ///
  /// - Parameter format: A `format` value.
  /// - Returns: `true` for `kycuong.audit/1`, or for it followed by `.` and one or more digits; else `false`.
  public static func isReadable(format: String) -> Bool {
    let base = "kycuong.audit/1"
    guard format.hasPrefix(base) else { return false }
    let rest = format.dropFirst(base.count)
    if rest.isEmpty { return true }
    guard rest.first == ".", rest.count >= 2 else { return false }
    return rest.dropFirst().utf8.allSatisfy { (48...57).contains($0) }
  }

  /// Always ``formatID`` in an export this library writes.
  public var format: String
  /// The visit.
  public var audit: Visit
  /// The checklist, its digest and its snapshot.
  public var checklist: ChecklistReference
  /// Every item of the checklist, in order.
  public var items: [ExportedItem]
  /// Scores under the checklist's model, as computed when the export was written. Reports use
  /// ``rescore(model:)`` instead: a stored figure is only a claim.
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
  /// Entries withdrawn during the audit, each with the event that made it and the reason; absent when none
  /// was. The lists above hold only the entries in effect.
  public var retractions: [Retraction]?
  /// Tamper evidence: the digests of the log's chain head, of the snapshot and of the export, and an optional
  /// signature. `nil` in an export made by ``init(_:)`` alone (the digests need the log's bytes and
  /// `KyCuongIntegrity`).
  public var integrity: Integrity?

  /// Builds the export of `audit`.
  ///
  /// - Parameter audit: The audit, finished or not.
  public init(_ audit: Audit) {
    let checklist = audit.checklist
    let applicability = audit.applicability
    format = Self.formatID
    self.audit = Visit(
      id: audit.id, unit: audit.header.unit, team: audit.header.team, visitType: audit.header.visitType,
      startedAt: audit.startedAt, finishedAt: audit.finishedAt, eventCount: audit.events.count,
      context: audit.header.context, basis: audit.header.basis, issuingBody: audit.header.issuingBody,
      staffPresent: audit.staffPresent, recordDetails: audit.recordDetails,
      refusals: audit.refusals.isEmpty ? nil : audit.refusals, signing: audit.signing,
      reopenings: audit.reopenings.isEmpty ? nil : audit.reopenings)
    self.checklist = ChecklistReference(
      id: checklist.id, version: checklist.version, title: checklist.title,
      digest: Self.digest(of: checklist, format: Self.formatID),
      snapshot: checklist)
    items = checklist.sections.flatMap { section in
      section.items.map { item in
        let record = audit.records[item.id] ?? ItemRecord(itemID: item.id)
        let applicable = applicability.isApplicable(item.id)
        var skipReason: String?
        if case .skipped(let reason) = record.state { skipReason = reason }
        return ExportedItem(
          id: item.id, section: section.id, kind: item.kind.name, weight: item.weight,
          critical: item.critical,
          tags: item.tags, applicable: applicable, status: record.state.status, outcome: record.outcome,
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
    retractions = audit.retractions.isEmpty ? nil : audit.retractions
  }

  /// Each item's state, by id.
  public var states: [ItemID: ItemState] {
    // ``init(data:)`` refuses an item listed twice; the first record wins for values made in code.
    Dictionary(items.map { ($0.id, $0.state) }, uniquingKeysWith: { first, _ in first })
  }

  /// The audit's first day in Vietnam's time (items' `validUntil` is compared with it).
  public var startDay: CalendarDate { CalendarDate(audit.startedAt, in: .vietnam) }

  /// Which items apply, derived from the snapshot, the item states and the context.
  public var applicability: Applicability {
    Applicability(checklist: checklist.snapshot, states: states, context: audit.context, day: startDay)
  }

  /// Scores the export again from its snapshot and item states, independently of the event log and of the
  /// stored ``scores``.
  ///
  /// - Parameter model: A scoring model; the checklist's own by default.
  /// - Returns: The scores the items give.
  public func rescore(model: ScoringModel? = nil) -> ScoreReport {
    Scorer.score(
      checklist: checklist.snapshot, states: states, context: audit.context, day: startDay, model: model,
      finished: audit.finishedAt != nil)
  }

  /// The export as JSON: sorted keys, pretty-printed, ISO 8601 UTC times, ending in a newline.
  ///
  /// - Returns: The bytes of the file.
  /// - Throws: An `EncodingError` only for a value that cannot be JSON (a score that is not finite).
  public func jsonData() throws -> Data {
    try JSONCoding.fileData(self)
  }

  /// Reads an export and checks it (see the type's documentation).
  ///
  /// - Parameter data: The file's bytes.
  /// - Throws: ``ExportError`` saying what is wrong and where.
  public init(data: Data) throws(ExportError) {
    self = try Self.read(Self.parsed(data), data: data)
  }

  /// The checklist snapshots this process parsed, by their bytes: exports of one checklist carry the same
  /// snapshot, about half of each file, parsed once (``JSONValueMemo``; the result is what parsing gives).
  package static let snapshotMemo = JSONValueMemo(members: ["snapshot"])

  /// `data` parsed by the strict reader, the one parse an export's reading makes.
  ///
  /// - Throws: ``ExportError/notJSON(line:column:reason:)``.
  package static func parsed(_ data: Data) throws(ExportError) -> JSONReader.Document {
    do {
      return try JSONReader.parseDocument(data, memo: snapshotMemo)
    } catch {
      throw .notJSON(line: error.line, column: error.column, reason: error.reason)
    }
  }

  /// Reads the export `document` holds, parsed from `data` (``parsed(_:)``): the document's checks, then the
  /// model decoded from the parsed value (``JSONValueDecoder``) — or from the bytes by `JSONDecoder` where
  /// only the text gives a number exactly — then the items against the snapshot.
  ///
  /// - Throws: ``ExportError``, as ``readDecodingBytes(_:)`` throws it for the same bytes.
  package static func read(_ document: JSONReader.Document, data: Data) throws(ExportError) -> AuditExport {
    try checkDocument(document.value, mayHaveDuplicateKeys: document.hasDuplicateKeys)
    let export: AuditExport
    do {
      export = try JSONValueDecoder.decode(
        AuditExport.self, from: document, data: data, decoder: JSONCoding.decoder())
    } catch {
      throw .decoding(reason: JSONCoding.reason(error))
    }
    try export.checkItems()
    return export
  }

  /// Reads an export as session 5 did, parsing it twice: the strict reader for the document's checks, then
  /// `JSONDecoder` over the bytes for the model. ``read(_:data:)`` falls back to its decoding; the tests hold
  /// the one-parse reading to its verdicts.
  ///
  /// - Throws: ``ExportError``.
  package static func readDecodingBytes(_ data: Data) throws(ExportError) -> AuditExport {
    try checkDocument(parsed(data).value, mayHaveDuplicateKeys: true)
    let export = try decodingBytes(data)
    try export.checkItems()
    return export
  }

  /// What the parsed document must be before its model is decoded: no key twice, a format this library
  /// reads, whole numbers where counts are. The document is searched for a key given twice only when
  /// `mayHaveDuplicateKeys` (the parser found one, or was not asked).
  private static func checkDocument(_ json: JSONValue, mayHaveDuplicateKeys: Bool) throws(ExportError) {
    // A key given twice would be read as one of its values, silently.
    if mayHaveDuplicateKeys, let path = json.firstDuplicateKey { throw .duplicateKey(path: path) }
    guard case .string(let format)? = json["format"] else {
      throw .decoding(reason: json["format"] == nil ? "missing \"format\"" : "\"format\" must be a string")
    }
    guard Self.isReadable(format: format) else { throw .unknownFormat(format) }
    try Self.checkWholeNumbers(json)
  }

  /// The model decoded from the bytes by `JSONDecoder`.
  private static func decodingBytes(_ data: Data) throws(ExportError) -> AuditExport {
    do {
      return try JSONCoding.decoder().decode(AuditExport.self, from: data)
    } catch {
      throw .decoding(reason: JSONCoding.reason(error))
    }
  }

  /// Reads the export file at `url`, refusing a file over ``BoundedFile/maximumExportSize`` before reading it.
  ///
  /// - Parameter url: The file.
  /// - Returns: The export.
  /// - Throws: ``ExportError``.
  public static func read(from url: URL) throws(ExportError) -> AuditExport {
    let data: Data
    do {
      data = try BoundedFile.read(url, limit: BoundedFile.maximumExportSize)
    } catch {
      throw .unreadable(error)
    }
    return try AuditExport(data: data)
  }

  /// Checks the items against the snapshot: each once, in order, as the snapshot defines it, with an answer
  /// its kind takes and a status that agrees with its fields.
  private func checkItems() throws(ExportError) {
    let snapshot = checklist.snapshot
    if checklist.id != snapshot.id || checklist.version != snapshot.version {
      throw .inconsistent(
        path: "checklist",
        reason: "id and version differ from the snapshot's (\(snapshot.id) \(snapshot.version))")
    }
    var seen = Set<ItemID>()
    for item in items where !seen.insert(item.id).inserted {
      throw .itemListedTwice(item.id)
    }
    let expected = snapshot.sections.flatMap { section in section.items.map { (section.id, $0) } }
    for (index, (section, item)) in expected.enumerated() {
      guard index < items.count else { throw .itemMissing(item.id) }
      let exported = items[index]
      let path = "items[\(index)]"
      guard exported.id == item.id else {
        if seen.contains(item.id) {
          throw .inconsistent(path: path, reason: "items are not in checklist order")
        }
        throw .itemMissing(item.id)
      }
      if exported.section != section || exported.kind != item.kind.name || exported.weight != item.weight
        || exported.critical != item.critical || exported.tags != item.tags
      {
        throw .inconsistent(
          path: path, reason: "\(item.id): section, kind, weight, critical or tags differ from the snapshot")
      }
      switch exported.status {
      case .answered:
        guard let outcome = exported.outcome else {
          throw .inconsistent(path: path, reason: "\(item.id) is answered but has no outcome")
        }
        if let problem = outcome.problem(for: item.kind) {
          throw .outcomeNotAccepted(item: item.id, problem: problem)
        }
      case .skipped:
        guard let reason = exported.skipReason,
          !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { throw .inconsistent(path: path, reason: "\(item.id) is skipped but gives no reason") }
      case .unanswered:
        if exported.outcome != nil {
          throw .inconsistent(path: path, reason: "\(item.id) is unanswered but has an outcome")
        }
      }
      for (position, override) in exported.history.enumerated() {
        if let problem = override.new.problem(for: item.kind) ?? override.old?.problem(for: item.kind) {
          throw .inconsistent(path: "\(path).history[\(position)]", reason: "\(item.id): \(problem)")
        }
      }
    }
    if items.count > expected.count { throw .itemNotInChecklist(items[expected.count].id) }
  }

  /// Where the figures stored in the export differ from what its items give: the overall score, the rating,
  /// the critical failures, an item's applicability or score. Empty for an export that was not edited.
  public var inconsistencies: [ExportInconsistency] {
    Self.inconsistencies(
      of: StoredFigures(self), snapshot: checklist.snapshot, states: states, context: audit.context,
      day: startDay, finished: audit.finishedAt != nil)
  }

  /// `sha256:` and the SHA-256 of `checklist`'s canonical JSON, as an export of `format` computes it: RFC 8785
  /// from `kycuong.audit/1.1` on, the sorted-key JSON of version 1 before.
  ///
  /// - Parameters:
  ///   - checklist: The checklist snapshot.
  ///   - format: The export's format; this library's own by default.
  /// - Returns: The digest, labelled `sha256:`.
  public static func digest(of checklist: Checklist, format: String = formatID) -> String {
    if format == "kycuong.audit/1" {
      let data = (try? JSONCoding.encoder().encode(checklist)) ?? Data()
      return "sha256:" + SHA256Digest.hex(of: data)
    }
    // A checklist's JSON has distinct keys and finite numbers: it always has a canonical form.
    let data = (try? CanonicalJSON.data(checklist.jsonValue)) ?? Data()
    return "sha256:" + SHA256Digest.hex(of: data)
  }
}
