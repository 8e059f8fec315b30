import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore
import KyCuongSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

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
    // What was proven, exactly: the chain holds, and anyone could have rebuilt it.
    #expect(intact.output.hasPrefix("unproven: chain intact, unsigned: anyone could have rebuilt it\n"))
    #expect(
      intact.output.contains("    a.jsonl: \(audit.events.count) events, every link and digest matches\n"))
    #expect(intact.output.contains("    chain head \(LogChain.head(of: log) ?? "?")\n"))
    #expect(intact.error == "kycuong: a.jsonl: chain intact, unsigned: anyone could have rebuilt it\n")
    let version1 = try kycuong(["verify", "v1.jsonl"], in: folder)
    #expect(version1.status == 3)
    #expect(
      version1.output.hasPrefix(
        "unproven: version 1, not chained: nothing shows whether its events were changed\n"),
      "\(version1.output)")
    #expect(
      version1.error
        == "kycuong: v1.jsonl: version 1, not chained: nothing shows whether its events were changed\n")
    let changed = try kycuong(["verify", "changed.jsonl"], in: folder)
    #expect(changed.status == 1)
    #expect(changed.output.hasPrefix("FAILED  changed.jsonl: line 5 (event 5)"), "\(changed.output)")
    #expect(changed.error == "kycuong: changed.jsonl: does not verify\n")
    // A key is for a signed export; a log has no signature to check it against.
    let keyed = try kycuong(["verify", "a.jsonl", "--key", "none.pub"], in: folder)
    #expect(keyed.status == 2)
    #expect(keyed.error.hasPrefix("kycuong: a.jsonl is an event log, which is never signed"))
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
    #expect(checked.output.hasPrefix("verified: signed by Nguyễn Văn An with an expected key\n"))
    #expect(checked.output.contains("    a.json: audit \(audit.id)\n"))
    #expect(checked.output.contains("is the head of the log a.jsonl, intact, and the content matches it"))
    #expect(checked.output.contains("signed in the name of Nguyễn Văn An at 2026-11-21T09:30:00Z"))
    #expect(checked.output.contains(key.publicKey.fingerprint))
    #expect(checked.error.isEmpty)
    // A valid signature checked without --key proves nothing: anyone can sign with a key of their own.
    let unkeyed = try kycuong(["verify", "a.json"], in: folder)
    #expect(unkeyed.status == 3)
    #expect(
      unkeyed.output.hasPrefix(
        "unproven: signature valid, key not checked: anyone can make a key and sign in any name\n"))
    // Sealed but not signed: unproven too.
    try ExportIntegrity.seal(AuditExport(audit), log: log).jsonData().write(
      to: folder.appending(path: "s.json"))
    let unsigned = try kycuong(["verify", "s.json"], in: folder)
    #expect(unsigned.status == 3)
    #expect(unsigned.output.hasPrefix("unproven: digests match, unsigned: anyone could have sealed it\n"))
    let wrong = try kycuong(["verify", "a.json", "--key", "other.key.pub"], in: folder)
    #expect(wrong.status == 1)
    #expect(wrong.output.hasPrefix("FAILED  a.json: signed in the name of Nguyễn Văn An with key "))
    #expect(wrong.output.contains("which is not an expected key"))
    #expect(wrong.error == "kycuong: a.json: does not verify\n")
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

  /// The JSON `verify --json` printed, as a value.
  static func json(_ run: Run) throws -> JSONValue { try JSONReader.parse(Data(run.output.utf8)) }

  @Test("verify: one exit status per outcome, and --json with the same fields every time (kycuong.verify/1)")
  func outcomes() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let audit = try Sample.audit()
    let log = try Sample.chainedLog(audit)
    try log.write(to: folder.appending(path: "a.jsonl"))
    let text = String(decoding: log, as: UTF8.self)
    try Data(text.replacingOccurrences(of: "Không có sổ", with: "Không có số").utf8)
      .write(to: folder.appending(path: "changed.jsonl"))
    // A changed log chained again from scratch: nothing in it shows the change.
    var changedAudit = try Audit(replaying: Array(audit.events.prefix(3)))
    try changedAudit.record(.noted(item: nil, text: "Thêm vào sau"), by: Sample.inspector, at: Sample.start)
    try Sample.chainedLog(changedAudit).write(to: folder.appending(path: "rechained.jsonl"))
    let leader = SigningKey(signer: "Nguyễn Văn An")
    try FileManager.default.createDirectory(
      at: folder.appending(path: "keys"), withIntermediateDirectories: true)
    try leader.write(to: folder.appending(path: "keys/an.key"))
    let attacker = SigningKey(signer: "Nguyễn Văn An")
    let sealed = try ExportIntegrity.seal(AuditExport(audit), log: log)
    try AuditExport(audit).jsonData().write(to: folder.appending(path: "unsealed.json"))
    try sealed.jsonData().write(to: folder.appending(path: "sealed.json"))
    try ExportIntegrity.sign(sealed, with: leader, at: Sample.start).jsonData().write(
      to: folder.appending(path: "signed.json"))
    try ExportIntegrity.sign(sealed, with: attacker, at: Sample.start).jsonData().write(
      to: folder.appending(path: "forged.json"))
    // An export sealed from a log of version 1 (no chain), and signed by the leader.
    let version1 = try Sample.version1Log(audit)
    try version1.write(to: folder.appending(path: "v1.jsonl"))
    try ExportIntegrity.sign(
      ExportIntegrity.seal(AuditExport(audit), log: version1), with: leader, at: Sample.start
    )
    .jsonData().write(to: folder.appending(path: "signed-v1.json"))
    #expect(mkfifo(folder.appending(path: "fifo").path, 0o600) == 0)
    let cases: [(arguments: [String], status: Int32, verdict: String, summary: String)] = [
      (["a.jsonl"], 3, "unproven", "chain intact, unsigned: anyone could have rebuilt it"),
      (["rechained.jsonl"], 3, "unproven", "chain intact, unsigned: anyone could have rebuilt it"),
      (["changed.jsonl"], 1, "failed", "does not verify"),
      (
        ["unsealed.json"], 3, "unproven",
        "no integrity: its snapshot digest matches, and nothing else can be checked"
      ),
      (["sealed.json"], 3, "unproven", "digests match, unsigned: anyone could have sealed it"),
      (["sealed.json", "--key", "keys/an.key.pub"], 1, "failed", "does not verify"),
      (
        ["signed.json"], 3, "unproven",
        "signature valid, key not checked: anyone can make a key and sign in any name"
      ),
      (
        ["forged.json"], 3, "unproven",
        "signature valid, key not checked: anyone can make a key and sign in any name"
      ),
      (
        ["signed.json", "--key", "keys/an.key.pub"], 0, "verified",
        "verified: signed by Nguyễn Văn An with an expected key"
      ),
      (
        ["signed.json", "--key", "keys"], 0, "verified",
        "verified: signed by Nguyễn Văn An with an expected key"
      ),
      (
        ["signed.json", "--key", "keys", "--log", "a.jsonl"], 0, "verified",
        "verified: signed by Nguyễn Văn An with an expected key"
      ),
      (["forged.json", "--key", "keys"], 1, "failed", "does not verify"),
      (
        ["signed-v1.json", "--key", "keys", "--log", "v1.jsonl"], 3, "unproven",
        "signed by Nguyễn Văn An with an expected key, but the log given is not chained (version 1): its lines are "
          + "not pinned to the export"
      ),
      (["signed.json", "--key", "keys", "--log", "rechained.jsonl"], 1, "failed", "does not verify"),
      (
        ["a.jsonl", "--key", "keys"], 2, "error",
        "a.jsonl is an event log, which is never signed; give --key with the signed export (and the log with --log)"
      ),
      (["missing.json"], 2, "error", "missing.json: no such file; check the path"),
      (["fifo"], 2, "error", "fifo is not a regular file (a device, pipe or socket); name a file"),
    ]
    let common = ["exitStatus", "file", "format", "kind", "problems", "proven", "summary", "verdict"]
    let logFacts = ["chainHead", "chainedEvents", "events", "unchainedEvents"]
    let exportFacts = ["audit", "chainHead", "exportDigest", "fingerprint", "signedAt", "signer"]
    for (arguments, status, verdict, summary) in cases {
      let label = arguments.joined(separator: " ")
      let plain = try kycuong(["verify"] + arguments, in: folder)
      #expect(plain.status == status, "\(label): \(plain.output)\(plain.error)")
      #expect(
        !plain.error.contains("NSCocoaErrorDomain") && !plain.error.contains("You don't have permission"))
      let run = try kycuong(["verify", "--json"] + arguments, in: folder)
      #expect(run.status == status, "\(label) --json")
      let json = try Self.json(run)
      guard case .object(let members) = json else {
        Issue.record("\(label): not an object")
        continue
      }
      let kind: String? = if case .string(let text)? = json["kind"] { text } else { nil }
      let facts = kind == "log" ? logFacts : kind == "export" ? exportFacts : []
      #expect(members.map(\.key).sorted() == (common + facts).sorted(), "\(label)")
      #expect(json["format"] == .string("kycuong.verify/1"))
      #expect(json["verdict"] == .string(verdict), "\(label)")
      #expect(json["exitStatus"] == .number(Double(status)), "\(label)")
      // An error names the file as the system saw it (its full path), and then says what is wrong.
      let said: String = if case .string(let text)? = json["summary"] { text } else { "" }
      #expect(status == 2 ? said.hasSuffix(summary) : said == summary, "\(label): \(said)")
      guard case .object(let proven)? = json["proven"] else {
        Issue.record("\(label): no proven")
        continue
      }
      #expect(
        proven.map(\.key) == [
          "chainIntact", "digestsMatch", "keyExpected", "matchesLog", "signatureValid", "signed",
        ])
      if status == 0 {
        #expect(json["proven"]?["keyExpected"] == .bool(true))
        #expect(json["proven"]?["signatureValid"] == .bool(true))
        #expect(json["proven"]?["digestsMatch"] == .bool(true))
      }
      if case .array(let problems)? = json["problems"] {
        #expect(problems.isEmpty == (status == 0 || status == 3))
      }
    }
    let forged = try Self.json(try kycuong(["verify", "--json", "forged.json", "--key", "keys"], in: folder))
    #expect(forged["proven"]?["signatureValid"] == .bool(true))
    #expect(forged["proven"]?["keyExpected"] == .bool(false))
    let rechained = try Self.json(
      try kycuong(
        ["verify", "--json", "signed.json", "--key", "keys", "--log", "rechained.jsonl"], in: folder))
    #expect(rechained["proven"]?["chainIntact"] == .bool(true))
    #expect(rechained["proven"]?["matchesLog"] == .bool(false))
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

  @Test("verify of a bundle: unsigned is unproven, a key not expected fails, as for an export")
  func bundles() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let storeFolder = folder.appending(path: "store")
    let store = AuditStore(directory: storeFolder)
    let audit = try Sample.audit(id: "20261121-0930-bundle-7a8b")
    try store.create(audit)
    store.close(audit.id)
    let bundled = try kycuong(
      ["bundle", audit.id, "-o", "b.zip", "--store", storeFolder.path, "--lang", "en"], in: folder)
    #expect(bundled.status == 0, "\(bundled.error)")
    let plain = try kycuong(["verify", "b.zip"], in: folder)
    #expect(plain.status == 3, "\(plain.output)\(plain.error)")
    #expect(plain.output.hasPrefix("unproven: bundle intact, unsigned: anyone could have made this bundle\n"))
    let json = try kycuong(["verify", "b.zip", "--json"], in: folder)
    #expect(json.status == 3)
    let object = try JSONReader.parse(Data(json.output.utf8))
    #expect(object["kind"] == .string("bundle"))
    #expect(object["format"] == .string("kycuong.verify/1"))
    #expect(object["proven"]?["signed"] == .bool(false))
    // An unsigned bundle with a key expected is a failure, not a hint.
    let leader = SigningKey(signer: "Nguyễn Văn An")
    try leader.write(to: folder.appending(path: "an.key"))
    let keyed = try kycuong(["verify", "b.zip", "--key", "an.key.pub"], in: folder)
    #expect(keyed.status == 1, "\(keyed.output)\(keyed.error)")
    #expect(keyed.output.hasPrefix("FAILED  b.zip: "))
  }
}
