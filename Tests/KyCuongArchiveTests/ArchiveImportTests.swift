import Foundation
import KyCuongArchive
import Testing

/// Replaces the first occurrence of `old` in `data`'s text; fails the test when it is not there.
func replacing(
  _ old: String, with new: String, in data: Data, sourceLocation: SourceLocation = #_sourceLocation
)
  -> Data
{
  let text = String(decoding: data, as: UTF8.self)
  guard let range = text.range(of: old) else {
    Issue.record("\"\(old)\" is not in the document", sourceLocation: sourceLocation)
    return data
  }
  return Data(text.replacingCharacters(in: range, with: new).utf8)
}

/// The document with its visit type changed (scheduled ⇄ surprise).
func flippingVisitType(_ data: Data) -> Data {
  let text = String(decoding: data, as: UTF8.self)
  if text.contains("\"visitType\" : \"surprise\"") {
    return replacing("\"visitType\" : \"surprise\"", with: "\"visitType\" : \"scheduled\"", in: data)
  }
  return replacing("\"visitType\" : \"scheduled\"", with: "\"visitType\" : \"surprise\"", in: data)
}

extension ImportOutcome {
  var receipt: ImportReceipt? {
    if case .archived(let receipt) = self { return receipt }
    return nil
  }

  var refusal: ImportRefusal? {
    if case .refused(let refusal) = self { return refusal }
    return nil
  }

  var isAlreadyArchived: Bool {
    if case .alreadyArchived = self { return true }
    return false
  }
}

@Suite("Importing documents into the archive")
struct ArchiveImportTests {
  @Test(
    "the same bytes twice: archived, then \"already archived\" and nothing changes",
    arguments: TestBackend.allCases)
  func idempotent(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      let audit = ArchiveSamples.audit(0)
      let data = try ArchiveSamples.unsealedExport(audit)
      let first = try await archive.importDocument(data, fileName: "a.json", from: "Đoàn 1")
      let receipt = try #require(first.receipt, "\(first)")
      #expect(receipt.relation == .first && receipt.kind == .export && receipt.keyTrust == .unsigned)
      #expect(receipt.auditID == ArchiveSamples.id(audit))
      let before = try await archive.statistics()
      let second = try await archive.importDocument(data, fileName: "copy.json", from: "Đoàn 2")
      guard case .alreadyArchived(let stored) = second else {
        Issue.record("second import: \(second)")
        return
      }
      #expect(stored.fileName == "a.json" && stored.receivedFrom == "Đoàn 1")
      #expect(second.summary.hasPrefix("already archived (received "))
      #expect(second.summary.hasSuffix(" from Đoàn 1 as a.json); nothing changed"))
      #expect(try await archive.statistics() == before)
      #expect(
        before.documents == 1 && before.audits == 1 && before.itemResults == 50
          && before.importLogEntries == 1)
      // The archive hands back exactly what it received.
      #expect(try await archive.content(of: receipt.sha256) == data)
      let archived = try #require(try await archive.audit(receipt.auditID))
      #expect(archived.record.overallScore == ArchiveSamples.overall(audit))
      #expect(archived.record.actions.count == ArchiveSamples.actionCount(audit))
      #expect(archived.documents.map(\.sha256) == [receipt.sha256])
    }
  }

  @Test(
    "a failure midway through an import leaves nothing of it; the next import completes it",
    arguments: TestBackend.allCases)
  func allOrNothing(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      let audit = try #require(
        (0..<20).map { ArchiveSamples.audit($0) }.first { ArchiveSamples.actionCount($0) > 0 })
      let data = try ArchiveSamples.unsealedExport(audit)
      // The corrective actions are written last: make that write fail, as a full disk would.
      switch backend {
      case .sqlite:
        try await archive.executeForTesting(
          "CREATE TRIGGER fail_actions BEFORE INSERT ON corrective_actions "
            + "BEGIN SELECT RAISE(ABORT, 'no space left (test)'); END")
      case .postgresql:
        try await archive.executeForTesting(
          "CREATE FUNCTION fail_actions() RETURNS trigger LANGUAGE plpgsql AS "
            + "$$ BEGIN RAISE EXCEPTION 'no space left (test)'; END $$")
        try await archive.executeForTesting(
          "CREATE TRIGGER fail_actions BEFORE INSERT ON corrective_actions FOR EACH ROW "
            + "EXECUTE FUNCTION fail_actions()")
      }
      do throws(ArchiveError) {
        _ = try await archive.importDocument(data, fileName: "a.json", from: "Đoàn 1")
        Issue.record("the import succeeded despite the failing write")
      } catch {
        #expect(error.code == .database)
        #expect(error.message.hasPrefix("importing a.json failed in the archive "), "\(error.message)")
        #expect(error.message.contains("no space left (test)"))
        #expect(error.message.hasSuffix("; nothing of it was stored"))
      }
      let empty = try await archive.statistics()
      #expect(empty.documents == 0 && empty.audits == 0 && empty.itemResults == 0 && empty.checklists == 0)
      #expect(empty.importLogEntries == 0)
      try await archive.executeForTesting(
        backend == .sqlite ? "DROP TRIGGER fail_actions" : "DROP TRIGGER fail_actions ON corrective_actions")
      let again = try await archive.importDocument(data, fileName: "a.json", from: "Đoàn 1")
      #expect(again.receipt?.relation == .first, "\(again)")
      #expect(try await archive.verify().problems == [])
    }
  }

  @Test(
    "tampered documents are refused whole, naming the rule; nothing archived changes",
    arguments: TestBackend.allCases)
  func tampered(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      let kept = try ArchiveSamples.sealedExport(ArchiveSamples.audit(1))
      _ = try await archive.importDocument(kept, fileName: "kept.json", from: "Đoàn 1")
      let before = try await archive.statistics()

      // A sealed export changed after sealing.
      let audit = ArchiveSamples.audit(0)
      let sealed = try ArchiveSamples.sealedExport(audit)
      let changed = flippingVisitType(sealed)
      let export = try await archive.importDocument(changed, fileName: "changed.json", from: "Đoàn 2")
      #expect(export.refusal?.rule == .integrity, "\(export)")
      #expect(
        export.refusal?.description
          == "export digest or signature: integrity.exportDigest does not match the content: the export was "
          + "changed after it was sealed")

      // An event log with a changed line.
      let log = try ArchiveSamples.chainedLog(audit)
      var lines = String(decoding: log, as: UTF8.self).components(separatedBy: "\n")
      // Whoever recorded the fifth event (every event names its recorder), changed after the chain was made.
      let original = lines[4]
      lines[4] = original.replacingOccurrences(
        of: #""by":"[^"]*""#, with: #""by":"Người khác""#, options: .regularExpression)
      #expect(lines[4] != original, "the fifth line names no recorder: \(original)")
      let broken = try await archive.importDocument(
        Data(lines.joined(separator: "\n").utf8), fileName: "broken.jsonl", from: "Đoàn 2")
      #expect(broken.refusal?.rule == .chain, "\(broken)")
      #expect(broken.refusal?.detail.hasPrefix("line 5 (event 5): ") == true, "\(broken)")

      // Not an audit at all.
      let junk = try await archive.importDocument(Data("hello\n".utf8), fileName: "notes.txt", from: "Đoàn 2")
      #expect(junk.refusal?.rule == .notAnAudit, "\(junk)")

      let after = try await archive.statistics()
      #expect(after.documents == before.documents && after.audits == before.audits)
      #expect(after.itemResults == before.itemResults && after.correctiveActions == before.correctiveActions)
      #expect(after.refusals == 3 && after.importLogEntries == before.importLogEntries + 3)
      let log3 = try await archive.importLog().suffix(3)
      #expect(log3.map(\.outcome) == [.refused(.integrity), .refused(.chain), .refused(.notAnAudit)])
      #expect(log3.map(\.fileName) == ["changed.json", "broken.jsonl", "notes.txt"])
      #expect(try await archive.verify().problems == [])
    }
  }

  @Test(
    "scores are re-derived from the items; the export's stored scores are never used",
    arguments: TestBackend.allCases)
  func scoresRederived(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      let audit = ArchiveSamples.audit(2)
      var json = try #require(
        try JSONSerialization.jsonObject(with: ArchiveSamples.unsealedExport(audit)) as? [String: Any])
      var scores = try #require(json["scores"] as? [String: Any])
      scores["overall"] = 99.5
      scores["rating"] = ["id": "excellent", "from": 90, "to": 100, "label": ["vi": "Xuất sắc"]]
      json["scores"] = scores
      let data = try JSONSerialization.data(withJSONObject: json)
      let outcome = try await archive.importDocument(data, fileName: "inflated.json", from: "Đoàn 1")
      let receipt = try #require(outcome.receipt, "\(outcome)")
      #expect(receipt.warnings.count == 1)
      #expect(
        receipt.warnings.first?.hasPrefix("scores.overall is 99.5 but the items give ") == true,
        "\(receipt.warnings)")
      let archived = try #require(try await archive.audit(receipt.auditID))
      #expect(archived.record.overallScore == ArchiveSamples.overall(audit))
      #expect(archived.record.overallScore != 99.5)
      let item = try #require(archived.record.items.first)
      #expect(item.itemID == "BADGE-01" && item.sectionID == "badge" && item.tags == ["focus-2017-2"])
    }
  }

  @Test(
    "a later version replaces the facts; the same state in another form is kept beside it; an earlier or conflicting one is refused",
    arguments: TestBackend.allCases)
  func versions(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      let full = ArchiveSamples.audit(3)
      let id = ArchiveSamples.id(full)
      let early = try ArchiveSamples.prefix(full, events: 20)
      let middle = try ArchiveSamples.prefix(full, events: 40)

      let first = try await archive.importDocument(
        try ArchiveSamples.chainedLog(middle), fileName: "middle.jsonl", from: "Đoàn 3")
      #expect(first.receipt?.relation == .first, "\(first)")
      var archived = try #require(try await archive.audit(id))
      #expect(archived.record.eventCount == 40 && archived.record.finishedAt == nil)

      let earlier = try await archive.importDocument(
        try ArchiveSamples.chainedLog(early), fileName: "early.jsonl", from: "Đoàn 3")
      #expect(earlier.refusal?.rule == .earlierVersion, "\(earlier)")
      #expect(
        earlier.refusal?.detail
          == "audit \(id) is archived with 40 events; this document holds an earlier state (20 events). "
          + "Nothing changed")

      let later = try await archive.importDocument(
        try ArchiveSamples.chainedLog(full), fileName: "full.jsonl", from: "Đoàn 3")
      #expect(later.receipt?.relation == .laterVersion, "\(later)")
      archived = try #require(try await archive.audit(id))
      #expect(archived.record.eventCount == ArchiveSamples.eventCount(full))
      #expect(archived.record.finishedAt != nil)
      #expect(archived.record.overallScore == ArchiveSamples.overall(full))
      #expect(archived.record.actions.count == ArchiveSamples.actionCount(full))

      // The export of that state, sealed and unsealed: the same state, kept beside the log.
      for (name, data) in [
        ("full.json", try ArchiveSamples.sealedExport(full)),
        ("plain.json", try ArchiveSamples.unsealedExport(full)),
      ] {
        let same = try await archive.importDocument(data, fileName: name, from: "Đoàn 3")
        #expect(same.receipt?.relation == .sameState, "\(name): \(same)")
      }
      archived = try #require(try await archive.audit(id))
      #expect(
        archived.documents.map(\.fileName) == ["middle.jsonl", "full.jsonl", "full.json", "plain.json"])
      #expect(archived.documents.map(\.relation) == [.first, .laterVersion, .sameState, .sameState])
      #expect(archived.currentDocument == later.receipt?.sha256)

      // The same id with other content: refused.
      let other = flippingVisitType(try ArchiveSamples.unsealedExport(full))
      let conflict = try await archive.importDocument(other, fileName: "other.json", from: "Đoàn 4")
      #expect(conflict.refusal?.rule == .conflict, "\(conflict)")
      #expect(
        conflict.refusal?.detail.hasPrefix("audit \(id) is archived from full.jsonl (received ") == true,
        "\(conflict)")
      #expect(
        conflict.refusal?.detail.hasSuffix(
          "and this document is not a later version of it: it has the same number of events ("
            + "\(ArchiveSamples.eventCount(full))) as the archived state but different content "
            + "(one of them has no chain head to compare)") == true, "\(conflict)")
      #expect(try await archive.statistics().audits == 1)
      #expect(try await archive.verify().problems == [])
    }
  }

  @Test(
    "a checklist version archived with one content refuses another content under the same version",
    arguments: TestBackend.allCases)
  func checklistVersion(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      _ = try await archive.importDocument(
        try ArchiveSamples.unsealedExport(ArchiveSamples.audit(4)), fileName: "a.json", from: "Đoàn 1")
      let changed = try ArchiveSamples.exportWithChangedChecklist(ArchiveSamples.audit(5))
      let outcome = try await archive.importDocument(changed, fileName: "b.json", from: "Đoàn 1")
      #expect(outcome.refusal?.rule == .checklist, "\(outcome)")
      #expect(
        outcome.refusal?.detail.hasPrefix(
          "checklist sample-office-discipline version 1.0.0 is archived with other content (sha256:") == true)
      #expect(
        outcome.refusal?.detail.hasSuffix("the checklist was changed without a new version number") == true)
      #expect(try await archive.statistics().checklists == 1)
    }
  }
}
