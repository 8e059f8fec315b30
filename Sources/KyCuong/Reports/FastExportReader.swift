import Foundation
import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// The summary's reader of exports: an export's ``AuditFacts`` straight from its bytes, in one pass, without
/// building the export.
///
/// It takes a file only when the full reader (``AuditDocument/init(data:)``, hence ``AuditExport/init(data:)``)
/// takes it too, and then derives the same facts, through the same code (``AuditFacts``): strict JSON with no
/// key twice at any depth (``JSONScanner``), a format this library reads, every field of every type as
/// `JSONDecoder` reads it, the snapshot validated by the full reader's own decoding (once per distinct
/// snapshot, ``SnapshotCache``), every item checked against it as ``AuditExport`` checks items, and every
/// score derived from the items. Whatever it is not certain of (a file it would refuse, or one spelled in a way
/// it does not mirror, such as keys in another order or an integer written `3.0`), it leaves to the full
/// reader: `nil` means "ask the full reader", which then says what, if anything, is wrong. A test feeds both
/// readers a corpus of hostile files, and a fuzzer feeds them random ones, and each checks that this reader
/// never takes a file the full reader refuses, nor gives other facts for one it takes.
package enum FastExportReader {
  /// The facts of the export in `bytes`, or `nil` when the full reader must decide.
  ///
  /// - Parameters:
  ///   - bytes: The file's bytes.
  ///   - file: The file's path, as the facts name it.
  ///   - cache: The worker's snapshot cache.
  /// - Returns: The facts, or `nil`.
  package static func facts(
    _ bytes: UnsafeRawBufferPointer, file: String, cache: SnapshotCache
  ) -> AuditFacts? {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
    var scanner = JSONScanner(base: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    var parts = Parts()
    guard
      scanner.document({ scanner in
        scanner.object(depth: 0) { scanner, key in parts.read(key, &scanner, cache: cache) }
      })
    else { return nil }
    return parts.facts(file: file)
  }

  /// What the reader collects from the top-level members, in whatever order they come.
  struct Parts {
    var format: String?
    var visit: VisitFacts?
    var reference: Reference?
    var snapshot: SnapshotCache.Entry?
    var items: ItemsFacts?
    var scores: StoredScores?
    var actions: [AuditFacts.CorrectiveActionFact]?
    var remarks = Seen()
    var attachments = false

    /// The top-level members whose absence `JSONDecoder` refuses (`integrity` may be missing).
    struct Seen: OptionSet {
      let rawValue: UInt8
      static let findings = Seen(rawValue: 1)
      static let recommendations = Seen(rawValue: 2)
      static let notes = Seen(rawValue: 4)
      static let explanations = Seen(rawValue: 8)
    }

    mutating func read(_ key: JSONScanner.Key, _ scanner: inout JSONScanner, cache: SnapshotCache) -> Bool {
      switch key.count {
      case 5 where scanner.matches(key, "audit"):
        visit = VisitFacts.read(&scanner, depth: 1)
        return visit != nil
      case 9 where scanner.matches(key, "checklist"):
        guard let read = Reference.read(&scanner, depth: 1, cache: cache) else { return false }
        reference = read
        snapshot = read.snapshot
        return true
      case 5 where scanner.matches(key, "items"):
        // Items are checked against the snapshot as they are read: an export that lists them before its
        // checklist (this library sorts keys: never) is left to the full reader.
        guard let snapshot else { return false }
        items = ItemsFacts.read(&scanner, depth: 1, snapshot: snapshot)
        return items != nil
      case 6 where scanner.matches(key, "scores"):
        scores = StoredScores.read(&scanner, depth: 1)
        return scores != nil
      case 6 where scanner.matches(key, "format"):
        format = scanner.readString()
        return format != nil
      case 17 where scanner.matches(key, "correctiveActions"):
        actions = scanner.readArray(depth: 1) { AuditFacts.CorrectiveActionFact.read(&$0, depth: 2) }
        return actions != nil
      case 11 where scanner.matches(key, "attachments"):
        attachments = true
        return scanner.checkArray(depth: 1) { Fields.attachment(&$0, depth: 2) }
      case 8 where scanner.matches(key, "findings"): return remark(.findings, &scanner)
      case 15 where scanner.matches(key, "recommendations"): return remark(.recommendations, &scanner)
      case 5 where scanner.matches(key, "notes"): return remark(.notes, &scanner)
      case 12 where scanner.matches(key, "explanations"): return remark(.explanations, &scanner)
      case 9 where scanner.matches(key, "integrity"):
        return scanner.null() || Fields.integrity(&scanner, depth: 1)
      default:
        return scanner.skipValue(depth: 1)
      }
    }

    mutating func remark(_ member: Seen, _ scanner: inout JSONScanner) -> Bool {
      remarks.insert(member)
      return scanner.checkArray(depth: 1) { Fields.remark(&$0, depth: 2) }
    }

    /// The facts, when every member `AuditExport` requires is there and the export checks as it does.
    func facts(file: String) -> AuditFacts? {
      guard let format, AuditExport.isReadable(format: format), let visit, let reference, let snapshot,
        let items, let scores, let actions, attachments,
        remarks == [.findings, .recommendations, .notes, .explanations]
      else { return nil }
      // `AuditExport` refuses a reference that is not its snapshot's, and items fewer than the snapshot's.
      let checklist = snapshot.checklist
      guard reference.id == checklist.id, reference.version == checklist.version,
        items.stored.count == snapshot.expected.count
      else { return nil }
      return AuditFacts(
        id: visit.id, file: file, eventCount: visit.eventCount, unit: visit.unit,
        checklist: reference.id, checklistVersion: reference.version, checklistTitle: reference.title,
        startedAt: visit.startedAt, finished: visit.finished, context: visit.context, snapshot: checklist,
        states: items.states, actions: actions,
        stored: AuditExport.StoredFigures(
          model: scores.model, overall: scores.overall, rating: scores.rating,
          criticalFailures: scores.criticalFailures, items: items.stored))
    }
  }
}
