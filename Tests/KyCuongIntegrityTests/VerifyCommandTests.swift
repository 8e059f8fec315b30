import Foundation
import KyCuong
import KyCuongIntegrity
import Testing

@Suite("kycuong verify and key, and the export schema", .enabled(if: KyCuongBinary.url != nil))
struct VerifyCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// What a run printed: `output` on standard output, `error` on standard error.
  struct Run {
    var status: Int32
    var output: String
    var error: String
  }

  func run(_ executable: URL?, _ arguments: [String], in folder: URL) throws -> Run {
    try KyCuongBinary.run(executable, arguments, in: folder)
  }

  func kycuong(_ arguments: [String], in folder: URL) throws -> Run {
    try run(KyCuongBinary.url, arguments, in: folder)
  }

  /// Exit statuses: 0 verified, 1 something does not match, 2 could not do it, 3 nothing wrong but nothing
  /// proven. A log is never signed, so even an intact chain is "unproven" (3), saying what would prove it.
  @Test(
    "verify: 3 for an intact chain and for a version 1 log (nothing proves who wrote them), 1 naming the first changed event"
  )
  func logs() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audit = try Sample.audit()
    let log = try Sample.chainedLog(audit)
    try log.write(to: folder.appending(path: "a.jsonl"))
    try Sample.version1Log(audit).write(to: folder.appending(path: "v1.jsonl"))
    let text = String(decoding: log, as: UTF8.self)
    try Data(text.replacingOccurrences(of: "Không có sổ", with: "Không có số").utf8)
      .write(to: folder.appending(path: "changed.jsonl"))
    let intact = try kycuong(["verify", "a.jsonl"], in: folder)
    #expect(intact.status == 3, "\(intact.output)\(intact.error)")
    #expect(
      intact.output.hasPrefix(
        "chain intact  a.jsonl: \(audit.events.count) events, every link and digest matches\n"))
    #expect(intact.output.contains("    chain head \(LogChain.head(of: log) ?? "?")\n"))
    #expect(intact.output.contains("unproven: a log is not signed"))
    #expect(intact.error == "kycuong: a.jsonl: nothing wrong found, but nothing proves who made it\n")
    let version1 = try kycuong(["verify", "v1.jsonl"], in: folder)
    #expect(version1.status == 3)
    #expect(version1.output.hasPrefix("unproven: v1.jsonl: version 1, not chained"), "\(version1.output)")
    #expect(version1.error == "kycuong: v1.jsonl: nothing wrong found, but nothing proves who made it\n")
    let changed = try kycuong(["verify", "changed.jsonl"], in: folder)
    #expect(changed.status == 1)
    #expect(changed.output.hasPrefix("FAILED  changed.jsonl: line 5 (event 5)"), "\(changed.output)")
    #expect(changed.error == "kycuong: changed.jsonl does not verify\n")
    // A key is for a signed export; a log has no signature to check it against.
    let keyed = try kycuong(["verify", "a.jsonl", "--key", "none.pub"], in: folder)
    #expect(keyed.status == 2)
    #expect(keyed.error.hasPrefix("kycuong: a.jsonl is an event log, which is not signed"))
  }

  @Test("key generate, a signed export verified with --key and --log, a wrong key refused")
  func signedExport() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let generated = try kycuong(
      ["key", "generate", "--signer", "Nguyễn Văn An", "--out", "an.key"], in: folder)
    #expect(generated.status == 0, "\(generated.output)")
    _ = try kycuong(["key", "generate", "--signer", "Người khác", "--out", "other.key"], in: folder)
    let again = try kycuong(["key", "generate", "--signer", "X", "--out", "an.key"], in: folder)
    #expect(again.status == 2)
    #expect(again.error.hasPrefix("kycuong: "))
    #expect(again.error.contains("an.key exists; a key is never overwritten"))
    let key = try SigningKey.read(from: folder.appending(path: "an.key"))
    let audit = try Sample.audit()
    let log = try Sample.chainedLog(audit)
    try log.write(to: folder.appending(path: "a.jsonl"))
    let signed = try ExportIntegrity.sign(
      ExportIntegrity.seal(AuditExport(audit), log: log), with: key, at: Sample.start)
    try signed.jsonData().write(to: folder.appending(path: "a.json"))
    let checked = try kycuong(["verify", "a.json", "--key", "an.key.pub", "--log", "a.jsonl"], in: folder)
    #expect(checked.status == 0, "\(checked.output)\(checked.error)")
    #expect(checked.output.hasPrefix("digests match  a.json: audit \(audit.id)\n"))
    #expect(checked.output.contains("is the head of the log a.jsonl, and the content matches it"))
    #expect(checked.output.contains("signed by Nguyễn Văn An at 2026-11-21T09:30:00Z"))
    #expect(checked.output.contains(key.publicKey.fingerprint))
    #expect(checked.output.contains("verified: signed with the given key an.key.pub (Nguyễn Văn An)"))
    #expect(checked.error.isEmpty)
    // A valid signature checked without --key proves nothing: anyone can sign with a key of their own.
    let unkeyed = try kycuong(["verify", "a.json"], in: folder)
    #expect(unkeyed.status == 3)
    #expect(unkeyed.output.contains("unproven: the signature is valid for the key it carries"))
    // Sealed but not signed: unproven too.
    try ExportIntegrity.seal(AuditExport(audit), log: log).jsonData().write(
      to: folder.appending(path: "s.json"))
    let unsigned = try kycuong(["verify", "s.json"], in: folder)
    #expect(unsigned.status == 3)
    #expect(unsigned.output.contains("unproven: not signed: anyone could have sealed it"))
    let wrong = try kycuong(["verify", "a.json", "--key", "other.key.pub"], in: folder)
    #expect(wrong.status == 1)
    #expect(wrong.output.hasPrefix("FAILED  a.json: signed with key "))
    #expect(wrong.output.contains("not with the given key"))
    #expect(wrong.error == "kycuong: a.json does not verify\n")
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o644], ofItemAtPath: folder.appending(path: "an.key").path)
    let shown = try kycuong(["key", "show", "an.key"], in: folder)
    #expect(shown.status == 2)
    #expect(shown.error.hasPrefix("kycuong: "))
    #expect(shown.error.contains("chmod 600"))
    let huge = folder.appending(path: "huge.json")
    _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
    let handle = try FileHandle(forWritingTo: huge)
    try handle.truncate(atOffset: UInt64(BoundedFile.maximumExportSize + 1))
    try handle.close()
    let refused = try kycuong(["verify", "huge.json"], in: folder)
    #expect(refused.status == 2)
    #expect(refused.error.hasPrefix("kycuong: "))
    #expect(refused.error.contains("over the limit"))
  }

  @Test(
    "sealed and signed exports validate against the export schema",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/env")))
  func schema() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audit = try Sample.audit()
    let sealed = try ExportIntegrity.seal(AuditExport(audit), log: try Sample.chainedLog(audit))
    let signed = try ExportIntegrity.sign(sealed, with: SigningKey(signer: "Nguyễn Văn An"), at: Sample.start)
    for (name, export) in [("sealed.json", sealed), ("signed.json", signed)] {
      let file = folder.appending(path: name)
      try export.jsonData().write(to: file)
      let result = try run(
        URL(fileURLWithPath: "/usr/bin/env"),
        [
          "python3",
          Self.root.appending(path: "Scripts/validate-json.py").path,
          Self.root.appending(path: "Checklists/audit-export.schema.json").path, file.path,
        ], in: Self.root)
      #expect(result.status == 0, "\(name): \(result.output)\(result.error)")
    }
  }
}
