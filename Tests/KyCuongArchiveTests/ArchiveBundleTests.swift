import Foundation
import KyCuong
import KyCuongArchive
import KyCuongBundle
import KyCuongTestSupport
import Testing

@Suite("Importing audit bundles: verified whole, kept as received, attachments once by SHA-256")
struct ArchiveBundleTests {
  static let photo = (name: "bàn tiếp nhận.jpg", content: Data(repeating: 0xAB, count: 3_000))
  static let scan = (name: "biên bản.pdf", content: Data("%PDF-1.4 biên bản".utf8))

  @Test(
    "a good bundle: archived with its attachments; the same bytes again change nothing",
    arguments: TestBackend.allCases)
  func goodBundle(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      let (audit, data) = try ArchiveBundles.bundle(0, files: [Self.photo, Self.scan])
      let first = try await archive.importDocument(data, fileName: "hang-bac.zip", from: "Đoàn 1")
      let receipt = try #require(first.receipt, "\(first)")
      #expect(receipt.kind == .bundle && receipt.relation == .first && receipt.auditID == audit.id)
      let before = try await archive.statistics()
      #expect(before.documents == 1 && before.audits == 1 && before.attachments == 2)
      // The archive hands back exactly what it received, the bundle and each attachment.
      #expect(try await archive.content(of: receipt.sha256) == data)
      let archived = try #require(try await archive.audit(audit.id))
      #expect(archived.record.overallScore == ArchiveSamples.overall(audit))
      // The audit's own attachments first, then the items', as the bundle lists them.
      #expect(archived.attachments.map(\.name) == [Self.scan.name, Self.photo.name])
      #expect(archived.attachments.map(\.byteCount) == [Self.scan.content.count, 3_000])
      #expect(archived.attachments.first?.itemID == nil)
      #expect(archived.attachments.last?.itemID == audit.checklist.sections.first?.items.first?.id.rawValue)
      for (attachment, file) in zip(archived.attachments, [Self.scan, Self.photo]) {
        #expect(try await archive.attachmentContent(of: attachment.sha256) == file.content)
      }
      // A record is made from the bundle's export.
      #expect(
        try await archive.inspectionRecord(of: audit.id)?.markdown(language: .vi).contains(audit.id) == true)
      let second = try await archive.importDocument(data, fileName: "again.zip", from: "Đoàn 2")
      #expect(second.isAlreadyArchived, "\(second)")
      #expect(try await archive.statistics() == before)
      #expect(try await archive.verify().problems == [])
    }
  }

  @Test(
    "two bundles carrying the same file keep it once; a bundle of an archived export is its same state",
    arguments: TestBackend.allCases)
  func attachmentsOnce(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      let (first, one) = try ArchiveBundles.bundle(1, files: [Self.photo])
      let (second, two) = try ArchiveBundles.bundle(2, files: [Self.photo, Self.scan])
      #expect(try await archive.importDocument(one, fileName: "1.zip", from: "x").receipt != nil)
      #expect(try await archive.importDocument(two, fileName: "2.zip", from: "x").receipt != nil)
      #expect(try await archive.statistics().attachments == 2)
      #expect(try await archive.audit(first.id)?.attachments.count == 1)
      #expect(try await archive.audit(second.id)?.attachments.count == 2)
      // The export inside the bundle, imported on its own: the same state, nothing replaced.
      let export = try #require(
        try ArchiveBundles.files(of: one).first { $0.path == AuditBundle.exportPath }?.content)
      let outcome = try await archive.importDocument(export, fileName: "1.json", from: "y")
      #expect(outcome.receipt?.relation == .sameState, "\(outcome)")
    }
  }

  @Test(
    "a tampered attachment, a missing one, a tampered export: refused whole, naming the file",
    arguments: TestBackend.allCases)
  func tampered(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      let (_, data) = try ArchiveBundles.bundle(3, files: [Self.photo])
      let changed = try ArchiveBundles.rewriting(data) { files in
        for index in files.indices where files[index].path.hasPrefix("attachments/") {
          files[index].content[0] ^= 0xFF
        }
      }
      let missing = try ArchiveBundles.rewriting(data) { files in
        files.removeAll { $0.path.hasPrefix("attachments/") }
      }
      let export = try ArchiveBundles.withExportChanged(data) {
        flippingVisitType($0)
      }
      let cases: [(Data, String)] = [
        (changed, "attachments/"), (missing, "is missing from the bundle"),
        (export, "export.json: "),
      ]
      for (bytes, expected) in cases {
        let outcome = try await archive.importDocument(bytes, fileName: "bad.zip", from: "x")
        let refusal = try #require(outcome.refusal, "\(outcome)")
        #expect(refusal.rule == .bundle)
        #expect(refusal.detail.contains(expected), "\(refusal.detail)")
      }
      #expect(try await archive.statistics().audits == 0)
      #expect(try await archive.statistics().attachments == 0)
      #expect(try await archive.statistics().refusals == 3)
      // The same bytes refused before are refused again, and the good bundle is still archived after.
      #expect(try await archive.importDocument(data, fileName: "good.zip", from: "x").receipt != nil)
    }
  }

  @Test(
    "a zip bomb, a zip that declares a huge file, a broken zip, a non-zip named .zip: refused",
    arguments: TestBackend.allCases)
  func notBundles(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      let lying = try ArchiveBundles.lyingZip(path: "export.json", size: 4 << 20, declared: 1_000)
      let huge = try ArchiveBundles.lyingZip(path: "export.json", size: 1_000, declared: 0xFFFF_0000)
      let broken = Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 0, count: 60)
      let cases: [(Data, ImportRefusal.Rule, String)] = [
        (lying, .bundle, "export.json: decompresses to more than the 1000 bytes it may hold"),
        (huge, .bundle, "export.json: 4294901760 bytes decompressed, more than 268435456 allowed"),
        (broken, .bundle, "not a readable zip archive"),
        (Data("not a zip".utf8), .notAnAudit, "neither an audit export nor an event log"),
      ]
      for (bytes, rule, expected) in cases {
        let outcome = try await archive.importDocument(bytes, fileName: "x.zip", from: "x")
        let refusal = try #require(outcome.refusal, "\(outcome)")
        #expect(refusal.rule == rule)
        #expect(refusal.detail.contains(expected), "\(refusal.detail)")
      }
      #expect(try await archive.statistics().documents == 0)
    }
  }
}

@Suite(
  "kycuong archive import and show of a bundle",
  .enabled(if: KyCuongBinary.url != nil, "needs the kycuong executable"))
struct ArchiveBundleCommandTests {
  @Test("a folder with a bundle: imported, and `show` lists the attachments", arguments: TestBackend.allCases)
  func importAndShow(backend: TestBackend) throws {
    let cli = try ArchiveCLI(backend)
    defer { cli.remove() }
    let (audit, data) = try ArchiveBundles.bundle(4, files: [ArchiveBundleTests.photo])
    try cli.write(data, "in/hang-bac.zip")
    let run = try cli.run(["import", "in"])
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output.contains("in/hang-bac.zip: archived \(audit.id): new audit"), "\(run.output)")
    let again = try cli.run(["import", "in/hang-bac.zip"])
    #expect(again.status == 0 && again.output.contains("already archived"), "\(again.output)")
    let show = try cli.run(["show", audit.id])
    #expect(show.status == 0, "\(show.error)")
    #expect(show.output.contains("in/hang-bac.zip (current): bundle, first, "), "\(show.output)")
    #expect(show.output.contains("Attachments: 1\n  bàn tiếp nhận.jpg ["), "\(show.output)")
    #expect(show.output.contains(": 3000 bytes, sha256 "), "\(show.output)")
  }
}

@Suite(
  "kycuong archive export originals: moving an archive by re-importing what it received",
  .enabled(if: KyCuongBinary.url != nil, "needs the kycuong executable"))
struct ArchiveOriginalsTests {
  @Test(
    "from SQLite to another archive: the same audits, documents and attachments, in the order received",
    arguments: TestBackend.allCases)
  func move(backend: TestBackend) throws {
    let source = try ArchiveCLI(.sqlite)
    defer { source.remove() }
    let target = try ArchiveCLI(backend)
    defer { target.remove() }
    let audit = ArchiveSamples.audit(5)
    // An earlier state, then the finished one (which must come after it), a log, and a bundle.
    try source.write(
      try ArchiveSamples.unsealedExport(try ArchiveSamples.prefix(audit, events: 20)), "early.json")
    try source.write(try ArchiveSamples.sealedExport(audit), "late.json")
    try source.write(try ArchiveSamples.chainedLog(ArchiveSamples.audit(6)), "six.jsonl")
    let (_, bundle) = try ArchiveBundles.bundle(7, files: [ArchiveBundleTests.photo])
    try source.write(bundle, "seven.zip")
    for file in ["early.json", "late.json", "six.jsonl", "seven.zip"] {
      #expect(try source.run(["import", file]).status == 0)
    }
    let written = try source.run(["export", "originals", "originals"])
    #expect(written.status == 0, "\(written.error)")
    #expect(written.error == "4 documents written to originals\n", "\(written.error)")
    let names = try FileManager.default.contentsOfDirectory(
      atPath: source.folder.appending(path: "originals").path)
    #expect(
      names.sorted() == ["000001-early.json", "000002-late.json", "000003-six.jsonl", "000004-seven.zip"])
    #expect(try source.run(["export", "originals", "originals"]).status == 2)
    let moved = try target.run(["import", source.folder.appending(path: "originals").path])
    #expect(moved.status == 0, "\(moved.error)")
    #expect(moved.error.hasSuffix("4 archived, 0 already archived, 0 refused\n"), "\(moved.error)")
    let before = try source.run(["list", "--format", "json"]).output
    #expect(try target.run(["list", "--format", "json"]).output == before)
    let shown = try target.run(["show", ArchiveSamples.audit(7).id]).output
    #expect(shown.contains("Attachments: 1"), "\(shown)")
  }
}
