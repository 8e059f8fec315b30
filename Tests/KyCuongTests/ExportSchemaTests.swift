import Foundation
import KyCuong
import Testing

/// Validates exports against `Checklists/audit-export.schema.json` with `Scripts/validate-json.py`.
@Suite("Export schema")
struct ExportSchemaTests {
  static let root = Environment.packageRoot
  static let validator = root.appending(path: "Scripts/validate-json.py").path
  static let exportSchema = root.appending(path: "Checklists/audit-export.schema.json").path
  static let checklistSchema = root.appending(path: "Checklists/checklist.schema.json").path

  /// Writes `data` to a temporary file and validates it against `schema`.
  func validate(
    _ data: Data, against schema: String, name: String = "export.json"
  ) throws -> (
    status: Int32, output: String, error: String
  ) {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: name)
    try data.write(to: file)
    return try Environment.run("python3", [Self.validator, schema, file.path], in: Self.root)
  }

  @Test("exports validate against the export schema", arguments: [false, true])
  func exportValidates(finished: Bool) throws {
    let audit = try SampleAudit.audit(finished: finished)
    let result = try validate(try AuditExport(audit).jsonData(), against: Self.exportSchema)
    #expect(result.status == 0, "\(result.output)\(result.error)")
  }

  @Test("an export with nothing answered validates")
  func emptyExportValidates() throws {
    let audit = Build.audit(Build.workedExample())
    let result = try validate(try AuditExport(audit).jsonData(), against: Self.exportSchema)
    #expect(result.status == 0, "\(result.output)\(result.error)")
  }

  @Test("the schema catches a broken export, naming the path")
  func brokenExportFails() throws {
    var text = String(decoding: try AuditExport(try SampleAudit.audit()).jsonData(), as: UTF8.self)
    text = text.replacingOccurrences(of: #""status" : "skipped""#, with: #""status" : "lost""#)
    text = text.replacingOccurrences(
      of: #""visitType" : "surprise""#, with: #""visitType" : "surprise", "extra" : 1"#)
    let result = try validate(Data(text.utf8), against: Self.exportSchema)
    #expect(result.status == 1)
    #expect(result.output.contains("items/5/status") || result.error.contains("items/5/status"))
    #expect(result.output.contains("extra") || result.error.contains("extra"))
  }

  /// The checklist schema is written on another branch; this half runs once it is merged.
  @Test(
    "the export's checklist snapshot validates against the checklist schema",
    .enabled(
      if: FileManager.default.fileExists(atPath: checklistSchema),
      "Checklists/checklist.schema.json does not exist yet, so the snapshot is not validated"))
  func snapshotValidates() throws {
    let export = AuditExport(try SampleAudit.audit())
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let snapshot = try encoder.encode(export.checklist.snapshot)
    let result = try validate(snapshot, against: Self.checklistSchema, name: "snapshot.json")
    #expect(result.status == 0, "\(result.output)\(result.error)")
  }
}
