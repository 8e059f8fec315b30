import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore
import Testing

/// `kycuong report`: the flag to compare audits that differ (`--allow-mismatch`), the output file that is never
/// replaced without `--force`, and the paths and values the command refuses, each with its exit status.
@Suite("kycuong report", .enabled(if: KyCuongBinary.url != nil))
struct ReportCommandTests {
  func kycuong(_ arguments: [String], in folder: URL) throws -> VerifyCommandTests.Run {
    try KyCuongBinary.run(KyCuongBinary.url, arguments, in: folder)
  }

  /// Two chained logs in a new folder: `a.jsonl` of Hàng Bạc (``Sample/audit(id:finished:)``) and
  /// `b.jsonl` of another unit, on the same checklist.
  func folderWithTwoUnits() throws -> URL {
    let folder = try Sample.temporaryFolder()
    try Sample.chainedLog(try Sample.audit()).write(to: folder.appending(path: "a.jsonl"))
    let header = AuditHeader(
      id: "20261201-0930-cua-nam-1b2c", checklist: Sample.checklist(),
      unit: InspectedUnit(name: "UBND phường Cửa Nam"), team: InspectionTeam(leader: Sample.inspector),
      visitType: .scheduled)
    var other = Audit(header: header, recorder: Sample.inspector, clock: .fixed(Sample.start))
    try other.answer("A-1", .pass)
    try other.answer("A-2", .observation(compliant: 12, observed: 12))
    try other.answer("A-3", .pass)
    try other.finish()
    try Sample.chainedLog(other).write(to: folder.appending(path: "b.jsonl"))
    return folder
  }

  @Test("audits of different units are compared only with --allow-mismatch; --force is not that flag")
  func allowMismatch() throws {
    let folder = try folderWithTwoUnits()
    defer { try? FileManager.default.removeItem(at: folder) }
    let refused = try kycuong(["report", "compare", "a.jsonl", "b.jsonl", "--lang", "en"], in: folder)
    #expect(refused.status == 2)
    #expect(refused.output.isEmpty)
    #expect(
      refused.error
        == "kycuong: the audits are of different units (\"UBND phường Hàng Bạc\" and \"UBND phường Cửa Nam\"); "
        + "add --allow-mismatch to compare them anyway\n")
    let compared = try kycuong(
      ["report", "compare", "a.jsonl", "b.jsonl", "--lang", "en", "--allow-mismatch"], in: folder)
    #expect(compared.status == 0, "\(compared.error)")
    #expect(
      compared.output.contains(
        "Note: the audits differ in unit or checklist (compared with --allow-mismatch)"))
    let force = try kycuong(["report", "compare", "a.jsonl", "b.jsonl", "--force"], in: folder)
    #expect(force.status == 64)
    let previous = try kycuong(
      ["report", "record", "b.jsonl", "--previous", "a.jsonl", "--lang", "vi"], in: folder)
    #expect(previous.status == 2)
    #expect(previous.error.hasPrefix("kycuong: hai cuộc kiểm tra thuộc hai đơn vị khác nhau"))
    #expect(previous.error.contains("dùng --allow-mismatch nếu vẫn muốn so sánh"))
    let withPrevious = try kycuong(
      ["report", "record", "b.jsonl", "--previous", "a.jsonl", "--allow-mismatch"], in: folder)
    #expect(withPrevious.status == 0, "\(withPrevious.error)")
  }

  @Test("an output file that exists is refused unless --force replaces it")
  func outputFile() throws {
    let folder = try folderWithTwoUnits()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try kycuong(["report", "record", "a.jsonl", "-o", "r.md", "--lang", "en"], in: folder)
    #expect(first.status == 0, "\(first.error)")
    let written = try String(contentsOf: folder.appending(path: "r.md"), encoding: .utf8)
    #expect(written.contains("INSPECTION RECORD"))
    let again = try kycuong(["report", "record", "b.jsonl", "-o", "r.md", "--lang", "en"], in: folder)
    #expect(again.status == 2)
    #expect(again.error == "kycuong: r.md exists; choose another file, or add --force to replace it\n")
    #expect(try String(contentsOf: folder.appending(path: "r.md"), encoding: .utf8) == written)
    let replaced = try kycuong(
      ["report", "record", "b.jsonl", "-o", "r.md", "--lang", "en", "--force"], in: folder)
    #expect(replaced.status == 0, "\(replaced.error)")
    #expect(try String(contentsOf: folder.appending(path: "r.md"), encoding: .utf8).contains("Cửa Nam"))
  }

  @Test("F6: nothing is written into a folder of audit logs, not even over a file with --force")
  func noOutputIntoAStore() throws {
    let folder = try folderWithTwoUnits()
    defer { try? FileManager.default.removeItem(at: folder) }
    let storeFolder = folder.appending(path: "store")
    let store = AuditStore(directory: storeFolder)
    #expect(store.contains(storeFolder.appending(path: "x.md")))
    let audit = try Sample.audit(id: "20261121-0930-live-5e6f", finished: false)
    try store.create(audit)
    store.close(audit.id)
    let live = try Data(contentsOf: store.logURL(for: audit.id))
    // The attack of issue 11: a report written over the live log.
    for output in ["store/\(audit.id).jsonl", "store/new.md", "store/../store/other.html"] {
      let run = try kycuong(
        ["report", "record", "a.jsonl", "-o", output, "--lang", "en", "--force"], in: folder)
      #expect(run.status == 2, "\(output)")
      #expect(
        run.error
          == "kycuong: \(output) is in a folder of audit logs; nothing is written there, even with --force: "
          + "choose a file elsewhere\n")
    }
    #expect(try Data(contentsOf: store.logURL(for: audit.id)) == live)
    #expect(!FileManager.default.fileExists(atPath: storeFolder.appending(path: "new.md").path))
    #expect(AuditStore.isInAStore(storeFolder.appending(path: "new.md")))
    #expect(!AuditStore.isInAStore(folder.appending(path: "r.md")))
    #expect(!store.contains(folder.appending(path: "r.md")))
    // A folder with the store's index only (its logs moved away) is still one.
    let indexed = folder.appending(path: "indexed")
    try FileManager.default.createDirectory(at: indexed, withIntermediateDirectories: true)
    try Data("{}".utf8).write(to: indexed.appending(path: ".index.json"))
    #expect(AuditStore.isInAStore(indexed.appending(path: "r.md")))
    let elsewhere = try kycuong(["report", "record", "a.jsonl", "-o", "r.md", "--lang", "en"], in: folder)
    #expect(elsewhere.status == 0, "\(elsewhere.error)")
  }

  @Test("report summary: a path that does not exist is an error; a bad day or focus area is a usage error")
  func summaryRefusals() throws {
    let folder = try folderWithTwoUnits()
    defer { try? FileManager.default.removeItem(at: folder) }
    let summary = try kycuong(["report", "summary", ".", "--format", "json"], in: folder)
    #expect(summary.status == 0, "\(summary.error)")
    #expect(summary.output.contains(#""audits" : 2"#))
    let missing = try kycuong(["report", "summary", "missing"], in: folder)
    #expect(missing.status == 2)
    #expect(missing.error.hasPrefix("kycuong: "))
    #expect(missing.error.hasSuffix("missing: no such file or folder\n"), "\(missing.error)")
    let badDay = try kycuong(["report", "summary", ".", "--from", "2026-13-01"], in: folder)
    #expect(badDay.status == 64)
    #expect(badDay.error.contains("--from"))
    let badFocus = try kycuong(["report", "summary", ".", "--focus", "focus-9"], in: folder)
    #expect(badFocus.status == 64)
    #expect(badFocus.error.contains("--focus"))
    // Vietnamese order is accepted.
    let vietnamese = try kycuong(
      ["report", "summary", ".", "--from", "01/11/2026", "--format", "json"], in: folder)
    #expect(vietnamese.status == 0, "\(vietnamese.error)")
  }
}

/// F5 and F2 through the commands people run: a hand-edited log and a signed export whose stored scores were
/// edited are printed with a warning, never as if they were intact, and a record of either shows no
/// signature block.
@Suite("kycuong report and score of tampered documents", .enabled(if: KyCuongBinary.url != nil))
struct TamperedDocumentCommandTests {
  func kycuong(_ arguments: [String], in folder: URL) throws -> VerifyCommandTests.Run {
    try KyCuongBinary.run(KyCuongBinary.url, arguments + ["--lang", "en"], in: folder)
  }

  /// F5: the unit's name changed in a chained log: it replays, but `score`, `report record` and `report
  /// summary` each warn about the broken chain on standard error, and the record says it does not verify.
  @Test("a log whose chain is broken is scored, recorded and summarised with a warning")
  func brokenChain() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = String(decoding: try Sample.chainedLog(try Sample.audit()), as: UTF8.self)
    let edited = log.replacingOccurrences(of: "Hàng Bạc", with: "Hàng Bồ")
    #expect(edited != log)
    try Data(edited.utf8).write(to: folder.appending(path: "a.jsonl"))
    for command in [["score", "a.jsonl"], ["report", "record", "a.jsonl"], ["report", "summary", "."]] {
      let run = try kycuong(command, in: folder)
      #expect(run.error.contains("hash chain"), "\(command): \(run.error)")
      #expect(!run.output.isEmpty, "\(command)")
    }
    let record = try kycuong(["report", "record", "a.jsonl"], in: folder)
    #expect(record.output.contains("WARNING: THE DOCUMENT DOES NOT VERIFY"))
    #expect(!record.output.contains("Digital signature"))
  }

  /// F2: a signed export with only `scores` edited (overall 100, no critical failure): the record and the
  /// comparison show the scores the items give, the record warns that the document does not verify and has
  /// no digital-signature block, and both say so on standard error.
  @Test("a signed export with edited scores is recorded and compared with the items' own scores")
  func editedScores() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audit = try Sample.audit()
    let log = try Sample.chainedLog(audit)
    try log.write(to: folder.appending(path: "a.jsonl"))
    let key = SigningKey(signer: Sample.inspector)
    let signed = try ExportIntegrity.sign(
      ExportIntegrity.seal(AuditExport(audit), log: log), with: key, at: Sample.start)
    try signed.jsonData().write(to: folder.appending(path: "signed.json"))
    let honest = try kycuong(["report", "record", "signed.json"], in: folder)
    #expect(honest.output.contains("Digital signature"), "\(honest.error)")
    var json = try #require(try JSONSerialization.jsonObject(with: signed.jsonData()) as? [String: Any])
    var scores = try #require(json["scores"] as? [String: Any])
    let overall = try #require(scores["overall"] as? Double)
    #expect(overall < 100)
    scores["overall"] = 100.0
    scores["criticalFailures"] = [String]()
    json["scores"] = scores
    try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
      .write(to: folder.appending(path: "edited.json"))
    let shown = String(format: "%.1f", overall)
    let record = try kycuong(["report", "record", "edited.json"], in: folder)
    #expect(record.output.contains("WARNING: THE DOCUMENT DOES NOT VERIFY"))
    #expect(!record.output.contains("Digital signature"))
    #expect(!record.output.contains("| Overall score | 100.0 |"), "the edited score is shown")
    #expect(record.output.contains("| Overall score | \(shown) |"), "the items' own \(shown) is not shown")
    #expect(record.output.contains("| Critical failures | A-3"), "the critical failure removed from scores")
    #expect(record.error.contains("edited.json"))
    let compare = try kycuong(["report", "compare", "a.jsonl", "edited.json"], in: folder)
    #expect(compare.status == 0, "\(compare.error)")
    #expect(!compare.output.contains("100.0"), "the edited score is compared")
    #expect(compare.error.contains("edited.json"), "no warning: \(compare.error)")
  }
}
