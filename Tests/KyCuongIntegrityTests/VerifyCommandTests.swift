import Foundation
import KyCuong
import KyCuongIntegrity
import Testing

@Suite("kycuong verify and key, and the export schema", .enabled(if: KyCuongBinary.url != nil))
struct VerifyCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func run(
    _ executable: URL?, _ arguments: [String], in folder: URL
  ) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  func kycuong(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
    try run(KyCuongBinary.url, arguments, in: folder)
  }

  @Test("verify: 0 for an intact chain, 2 for a version 1 log, 1 naming the first changed event")
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
    #expect(intact.status == 0, "\(intact.output)")
    #expect(intact.output.contains("every link and digest matches"))
    let version1 = try kycuong(["verify", "v1.jsonl"], in: folder)
    #expect(version1.status == 2)
    #expect(version1.output.contains("version 1, not chained"))
    let changed = try kycuong(["verify", "changed.jsonl"], in: folder)
    #expect(changed.status == 1)
    #expect(changed.output.hasPrefix("FAILED: changed.jsonl: line 5 (event 5)"), "\(changed.output)")
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
    #expect(again.status != 0)
    #expect(again.output.contains("never overwritten"))
    let key = try SigningKey.read(from: folder.appending(path: "an.key"))
    let audit = try Sample.audit()
    let log = try Sample.chainedLog(audit)
    try log.write(to: folder.appending(path: "a.jsonl"))
    let signed = try ExportIntegrity.sign(
      ExportIntegrity.seal(AuditExport(audit), log: log), with: key, at: Sample.start)
    try signed.jsonData().write(to: folder.appending(path: "a.json"))
    let checked = try kycuong(["verify", "a.json", "--key", "an.key.pub", "--log", "a.jsonl"], in: folder)
    #expect(checked.status == 0, "\(checked.output)")
    #expect(checked.output.contains("signed by Nguyễn Văn An at 2026-11-21T09:30:00Z"))
    #expect(checked.output.contains(key.publicKey.fingerprint))
    let wrong = try kycuong(["verify", "a.json", "--key", "other.key.pub"], in: folder)
    #expect(wrong.status == 1)
    #expect(wrong.output.contains("not with the given key"))
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o644], ofItemAtPath: folder.appending(path: "an.key").path)
    let shown = try kycuong(["key", "show", "an.key"], in: folder)
    #expect(shown.status != 0)
    #expect(shown.output.contains("chmod 600"))
    let huge = folder.appending(path: "huge.json")
    _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
    let handle = try FileHandle(forWritingTo: huge)
    try handle.truncate(atOffset: UInt64(BoundedFile.maximumExportSize + 1))
    try handle.close()
    let refused = try kycuong(["verify", "huge.json"], in: folder)
    #expect(refused.status == 1)
    #expect(refused.output.contains("over the limit"))
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
      #expect(result.status == 0, "\(name): \(result.output)")
    }
  }
}
