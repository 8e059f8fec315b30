import Foundation
import KyCuong
import Testing

@Suite("The audit files under folders")
struct AuditFilesTests {
  @Test("a file found in a folder is named as the folder was given, then its path inside; sorted, each once")
  func namedAsGiven() throws {
    let base = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: base) }
    for name in ["exports/b.json", "exports/sub/a.jsonl", "exports/notes.txt", "exports/.hidden.json"] {
      let url = base.appending(path: name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("{}".utf8).write(to: url)
    }
    let folder = URL(fileURLWithPath: "exports", relativeTo: base)
    let files = SummaryReader.auditFiles(in: [
      folder, URL(fileURLWithPath: "exports/b.json", relativeTo: base),
    ])
    #expect(files.map(\.relativePath) == ["exports/b.json", "exports/sub/a.jsonl"])
    #expect(files.map(\.path) == [base.path + "/exports/b.json", base.path + "/exports/sub/a.jsonl"])
    // A folder given by its absolute path: absolute names.
    let absolute = SummaryReader.auditFiles(in: [base.appending(path: "exports/")])
    #expect(
      absolute.map(\.relativePath) == [base.path + "/exports/b.json", base.path + "/exports/sub/a.jsonl"])
  }
}
