import Foundation
import Testing

/// The JSON the command line prints validates against the schemas it is documented by
/// (`Checklists/score.schema.json`, `comparison.schema.json`, `summary.schema.json`, `key.schema.json`), with
/// `Scripts/validate-json.py`, over sample audits that exercise every part: scores with focus areas, a
/// re-inspection with fixed and failing items and actions, a summary with critical failures and overdue
/// actions, both key files.
@Suite(
  "Command-line JSON against its schemas",
  .enabled(if: KyCuongBinary.url != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/env")))
struct OutputSchemaTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func kycuong(_ arguments: [String], in folder: URL) throws -> VerifyCommandTests.Run {
    try KyCuongBinary.run(KyCuongBinary.url, arguments, in: folder)
  }

  /// Validates `file` against `Checklists/NAME.schema.json`; the validator's report when it fails.
  func validate(_ file: URL, against name: String) throws -> VerifyCommandTests.Run {
    try KyCuongBinary.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      [
        "python3", Self.root.appending(path: "Scripts/validate-json.py").path,
        Self.root.appending(path: "Checklists/\(name).schema.json").path, file.path,
      ], in: Self.root)
  }

  /// Runs `arguments`, writes what it prints to `name` in `folder`, and validates it against `schema`.
  func check(_ arguments: [String], schema: String, in folder: URL, name: String) throws -> URL {
    let run = try kycuong(arguments, in: folder)
    #expect(run.status == 0, "\(arguments): \(run.error)")
    let file = folder.appending(path: name)
    try Data(run.output.utf8).write(to: file)
    let result = try validate(file, against: schema)
    #expect(result.status == 0, "\(name) against \(schema).schema.json: \(result.output)\(result.error)")
    return file
  }

  @Test("score --json, report compare --json, report summary --format json and key files validate")
  func outputsValidate() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // 48 samples: unit n and unit n + 40 are the same ward, so two audits of Hàng Bạc make a re-inspection.
    let generated = try kycuong(
      ["report", "generate-samples", "audits", "--count", "48", "--seed", "7"], in: folder)
    #expect(generated.status == 0, "\(generated.error)")
    let pair = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "audits").path)
      .filter { $0.contains("-hang-bac-") }.sorted().map { "audits/\($0)" }
    try #require(pair.count == 2)

    _ = try check(["score", pair[1], "--json"], schema: "score", in: folder, name: "score.json")
    let comparison = try check(
      ["report", "compare", pair[0], pair[1], "--json"], schema: "comparison", in: folder,
      name: "compare.json")
    let summary = try check(
      ["report", "summary", "audits", "--format", "json", "--today", "2026-12-31"], schema: "summary",
      in: folder, name: "summary.json")

    // The samples reach the parts of the schemas that are arrays of objects, so their items are checked too.
    let compared = try JSONSerialization.jsonObject(with: Data(contentsOf: comparison)) as? [String: Any]
    #expect(((compared?["actions"] as? [Any]) ?? []).isEmpty == false)
    #expect(((compared?["stillFailing"] as? [Any]) ?? []).isEmpty == false)
    let summarised = try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any]
    #expect(((summarised?["overdueActions"] as? [Any]) ?? []).isEmpty == false)
    #expect(((summarised?["criticalFailures"] as? [Any]) ?? []).isEmpty == false)

    let generatedKey = try kycuong(
      ["key", "generate", "--signer", "Nguyễn Văn An", "--out", "leader.key"], in: folder)
    #expect(generatedKey.status == 0, "\(generatedKey.error)")
    for name in ["leader.key", "leader.key.pub"] {
      let result = try validate(folder.appending(path: name), against: "key")
      #expect(result.status == 0, "\(name): \(result.output)\(result.error)")
    }
  }

  @Test("the schemas refuse what the tool never writes: a mean score of 170, an unknown member")
  func schemasRefuse() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try kycuong(["report", "generate-samples", "audits", "--count", "3"], in: folder)
    let run = try kycuong(["report", "summary", "audits", "--format", "json"], in: folder)
    var summary = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    var total = try #require(summary["total"] as? [String: Any])
    total["meanScore"] = 170
    summary["total"] = total
    summary["extra"] = 1
    let file = folder.appending(path: "bad.json")
    try JSONSerialization.data(withJSONObject: summary).write(to: file)
    let result = try validate(file, against: "summary")
    #expect(result.status == 1)
    #expect(result.output.contains("/total/meanScore"))
    #expect(result.output.contains("'extra' was unexpected"))
  }
}
