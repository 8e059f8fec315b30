import Foundation
import KyCuong
import KyCuongSupport
import Testing

@Suite("Export")
struct ExportTests {
  /// Whether every object in `json` has its keys in sorted order.
  func keysSorted(_ json: JSONValue) -> Bool {
    switch json {
    case .object(let members):
      members.map(\.key) == members.map(\.key).sorted() && members.allSatisfy { keysSorted($0.value) }
    case .array(let elements): elements.allSatisfy(keysSorted)
    default: true
    }
  }

  @Test("two exports of one audit are byte-identical, also from its replayed log")
  func deterministic() throws {
    let audit = try SampleAudit.audit()
    let first = try AuditExport(audit).jsonData()
    let second = try AuditExport(audit).jsonData()
    #expect(first == second)
    let replayed = try EventLog.audit(from: try SampleAudit.log(audit)).audit
    #expect(try AuditExport(replayed).jsonData() == first)
    #expect(first.last == UInt8(ascii: "\n"))
  }

  @Test("sorted keys, ISO 8601 UTC times, items in checklist order")
  func format() throws {
    let audit = try SampleAudit.audit()
    let export = AuditExport(audit)
    let data = try export.jsonData()
    let json = try JSONReader.parse(data)
    #expect(keysSorted(json))
    #expect(json["format"] == .string("kycuong.audit/1.1"))
    #expect(json["audit"]?["startedAt"] == .string("2026-11-21T09:30:00Z"))
    #expect(json["audit"]?["finishedAt"] == .string("2026-11-21T09:50:00Z"))
    #expect(json["audit"]?["eventCount"] == .number(21))
    let text = String(decoding: data, as: UTF8.self)
    #expect(!text.contains("\\/"))
    #expect(text.contains(#""path" : "/tmp/bảng tin.jpg""#))
    #expect(export.items.map(\.id) == audit.checklist.items.map(\.id))
    #expect(
      export.items.map(\.section) == [
        "conduct", "conduct", "conduct", "office", "office", "office", "posting", "posting", "posting",
      ])
  }

  @Test("exported items carry state, score, applicability and history")
  func items() throws {
    let export = AuditExport(try SampleAudit.audit())
    let byID = Dictionary(uniqueKeysWithValues: export.items.map { ($0.id, $0) })
    let c01 = try #require(byID["C-01"])
    #expect(c01.status == .answered)
    #expect(c01.outcome == .pass)
    #expect(c01.score == 1)
    #expect(c01.remark == "Nhầm người")
    #expect(c01.history.map(\.old) == [.fail])
    let o03 = try #require(byID["O-03"])
    #expect(o03.status == .skipped)
    #expect(o03.skipReason == "Phòng khóa")
    #expect(o03.state == .skipped(reason: "Phòng khóa"))
    #expect(o03.score == nil)
    let c03 = try #require(byID["C-03"])
    #expect(c03.kind == .observation)
    #expect(c03.weight == 3)
    #expect(c03.tags == ["focus-2017-2"])
    #expect(c03.score == 0.75)
    #expect(c03.notes.map(\.text) == ["Đếm lúc 9:45"])
    #expect(byID["POST-00"]?.critical == true)
    #expect(byID["POST-00"]?.attachments.count == 1)
    #expect(byID["POST-01"]?.applicable == true)
    #expect(byID["POST-02"]?.score == nil)
    #expect(export.notes.map(\.text) == ["Đoàn đến lúc 9:30"])
    #expect(export.correctiveActions.map(\.due) == [Fixed.day("2026-12-31"), Fixed.day("2027-01-15")])
    #expect(export.audit.unit.representative == "Lê Văn Cường")
    #expect(export.checklist.snapshot == SampleAudit.checklist())
  }

  @Test("an item that does not apply is exported as not applicable, without a score")
  func notApplicableItem() throws {
    var audit = Build.audit(SampleAudit.checklist())
    try audit.record(.answered(item: "POST-00", outcome: .fail, remark: nil), by: "x", at: Fixed.at(60))
    let export = AuditExport(audit)
    let post01 = try #require(export.items.first { $0.id == "POST-01" })
    #expect(!post01.applicable)
    #expect(post01.status == .unanswered)
    #expect(post01.score == nil)
    #expect(export.audit.finishedAt == nil)
    #expect(export.scores.provisional)
  }

  @Test("reading an export back and re-scoring it gives the same numbers", arguments: ScoringModel.allCases)
  func rescore(model: ScoringModel) throws {
    for finished in [false, true] {
      let audit = try SampleAudit.audit(model: model, finished: finished)
      let export = AuditExport(audit)
      let read = try AuditExport(data: try export.jsonData())
      #expect(read == export)
      #expect(read.inconsistencies.isEmpty)
      #expect(read.scores == audit.score())
      #expect(read.rescore() == audit.score())
      for other in ScoringModel.allCases {
        #expect(read.rescore(model: other) == audit.score(model: other))
      }
      #expect(read.scores.model == model)
      #expect(read.scores.provisional == !finished)
    }
  }

  @Test("the checklist digest is the SHA-256 of the snapshot's canonical JSON, and survives a round trip")
  func digest() throws {
    let export = AuditExport(try SampleAudit.audit())
    #expect(export.checklist.digest.hasPrefix("sha256:"))
    #expect(export.checklist.digest.count == 7 + 64)
    #expect(export.checklist.digest == AuditExport.digest(of: SampleAudit.checklist()))
    // Format 1.1 digests the snapshot's RFC 8785 (JCS) form; format 1 the sorted-keys encoding it used.
    let jcs = try CanonicalJSON.data(SampleAudit.checklist().jsonValue)
    #expect(export.checklist.digest == "sha256:" + SHA256Digest.hex(of: jcs))
    let version1 = try JSONCoding.encoder().encode(SampleAudit.checklist())
    #expect(
      AuditExport.digest(of: SampleAudit.checklist(), format: "kycuong.audit/1")
        == "sha256:" + SHA256Digest.hex(of: version1))
    // The two forms agree on most checklists; they part on numbers JSONEncoder writes otherwise (1e-07).
    var tiny = SampleAudit.checklist()
    tiny.sections[0].items[0].weight = 1e-7
    #expect(AuditExport.digest(of: tiny, format: "kycuong.audit/1") != AuditExport.digest(of: tiny))
    let read = try AuditExport(data: try export.jsonData())
    #expect(AuditExport.digest(of: read.checklist.snapshot) == export.checklist.digest)
    var changed = SampleAudit.checklist()
    changed.version = "1.0.1"
    #expect(AuditExport.digest(of: changed) != export.checklist.digest)
    #expect(export.checklist.id == "test-list")
    #expect(export.checklist.version == "1.0.0")
  }

  @Test(
    "format versions: 1 and 1.x are read, others are refused",
    arguments: [
      ("kycuong.audit/1", true), ("kycuong.audit/1.1", true), ("kycuong.audit/1.3", true),
      ("kycuong.audit/10", false), ("kycuong.audit/2", false), ("kycuong.audit/1.", false),
      ("kycuong.audit/1.x", false),
    ])
  func formatVersions(format: String, accepted: Bool) throws {
    let text = String(decoding: try AuditExport(try SampleAudit.audit()).jsonData(), as: UTF8.self)
      .replacingOccurrences(of: #""format" : "kycuong.audit/1.1""#, with: #""format" : "\#(format)""#)
    #expect(text.contains(#""format" : "\#(format)""#))
    do {
      let export = try AuditExport(data: Data(text.utf8))
      #expect(accepted)
      #expect(export.format == format)
    } catch {
      #expect(!accepted)
      #expect(error == .unknownFormat(format))
      #expect(
        error.description
          == #"not a KyCuong export: unknown format "\#(format)"; this version reads kycuong.audit/1 and kycuong.audit/1.x"#
      )
    }
  }

  @Test("reading what is not an export fails with a reason")
  func readErrors() {
    #expect(throws: ExportError.decoding(reason: #"missing "format""#)) {
      try AuditExport(data: Data("{}".utf8))
    }
    do {
      _ = try AuditExport(data: Data("not json".utf8))
      Issue.record("read garbage")
    } catch {
      #expect(error.description.hasPrefix("not a KyCuong export: "))
    }
  }

  @Test("AuditDocument reads a log and an export, and both give the same export and scores")
  func auditDocument() throws {
    let audit = try SampleAudit.audit()
    let logData = try SampleAudit.log(audit)
    let exportData = try AuditExport(audit).jsonData()

    let fromLog = try AuditDocument(data: logData)
    guard case .log(let replayed, let damage) = fromLog else {
      Issue.record("a log was not read as a log")
      return
    }
    #expect(replayed == audit)
    #expect(damage.isEmpty)

    let fromExport = try AuditDocument(data: exportData)
    guard case .export(let export) = fromExport else {
      Issue.record("an export was not read as an export")
      return
    }
    #expect(export == AuditExport(audit))
    #expect(fromLog.export == fromExport.export)
    for model in ScoringModel.allCases {
      #expect(fromLog.score(model: model) == fromExport.score(model: model))
      #expect(fromExport.score(model: model) == audit.score(model: model))
    }
  }

  @Test("AuditDocument reads files and reports a damaged log")
  func auditDocumentFiles() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audit = try SampleAudit.audit()
    let log = try SampleAudit.log(audit)
    let url = folder.appending(path: "audit.jsonl")
    try (log + Data(#"{"v":1,"se"#.utf8)).write(to: url)
    guard case .log(let read, let damage) = try AuditDocument.read(from: url) else {
      Issue.record("not read as a log")
      return
    }
    #expect(read == audit)
    #expect(damage == [LogDamage(line: 22, kind: .incompleteLastLine(bytes: 10))])
    #expect(
      damage.map(\.description) == [
        "line 22: incomplete last line (10 bytes), probably cut off by a crash; ignored"
      ])
    let exportURL = folder.appending(path: "audit.json")
    try AuditExport(audit).jsonData().write(to: exportURL)
    guard case .export = try AuditDocument.read(from: exportURL) else {
      Issue.record("not read as an export")
      return
    }
  }

  /// The reader no longer takes a file name: the messages name no file (the caller, which knows it, does).
  @Test(
    "AuditDocument refuses what is neither",
    arguments: [
      ("", AuditDocumentError.empty, "an empty file, not an audit"),
      (
        #"{"format": "other/2"}"#, .export(.unknownFormat("other/2")),
        #"not a KyCuong export: unknown format "other/2"; this version reads kycuong.audit/1 and kycuong.audit/1.x"#
      ),
      (
        #"{"format": "kycuong.audit/1"}"#, .export(.decoding(reason: #"missing "audit""#)),
        #"not a KyCuong export: missing "audit""#
      ),
      ("[1, 2]", .notAnAudit, "JSON, but neither an audit export nor an event log"),
      ("not json", .notJSON, "not JSON: neither an audit export nor an event log"),
    ])
  func auditDocumentRefuses(text: String, expected: AuditDocumentError, message: String) {
    do {
      _ = try AuditDocument(data: Data(text.utf8))
      Issue.record("read \(text)")
    } catch {
      #expect(error == expected)
      #expect(error.description == message)
    }
  }

  @Test("AuditDocument names the file it cannot read")
  func auditDocumentMissingFile() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appending(path: "none.json")
    do {
      _ = try AuditDocument.read(from: missing)
      Issue.record("read a missing file")
    } catch {
      #expect(error == .unreadable(.notFound(path: missing.path)))
      #expect(error.description == "\(missing.path): no such file; check the path")
    }
  }
}
