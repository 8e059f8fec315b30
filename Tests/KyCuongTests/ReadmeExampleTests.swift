import Foundation
import KyCuong
import KyCuongTestSupport
import Testing

/// The code that README.md and the "Using KyCuong from another tool" article show, compiled and run here.
///
/// Each snippet sits between `// snippet: NAME` and `// end snippet`; ``documentsShowTheTestedCode()``
/// checks that every Swift block of those documents is one of these snippets, so the docs cannot drift from
/// code that compiles.
@Suite(.serialized)  // Two tests change the working directory, which the snippets read relative paths from.
struct ReadmeExampleTests {
  enum ExampleError: Error { case missingChecklist }

  @Test func readmeExampleRunsAndWritesAScoredExport() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "kycuong-readme-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let exportURL = folder.appending(path: "audit.json")

    // snippet: audit
    let inspector = "Nguyễn Văn An"
    let catalog = try Catalog.standard
    guard let checklist = catalog["public-office-conduct"] else { throw ExampleError.missingChecklist }
    let unit = InspectedUnit(name: "UBND phường Hàng Bạc", address: "Hoàn Kiếm, Hà Nội")
    let header = AuditHeader(
      id: AuditHeader.makeID(unit: unit.name, at: .now), checklist: checklist, unit: unit,
      team: InspectionTeam(leader: inspector, members: ["Trần Thị Bình"]), visitType: .surprise)
    var audit = Audit(header: header, by: inspector, at: .now)

    // 10 of the 12 staff at the desk wear their civil-servant card.
    try audit.record(
      .answered(item: "BADGE-01", outcome: .observation(compliant: 10, observed: 12), remark: nil),
      by: inspector, at: .now)
    try audit.record(.noted(item: "BADGE-01", text: "2 cán bộ không đeo thẻ"), by: inspector, at: .now)

    let report = audit.score()
    let score = report.overall.map { "\(Scorer.shown($0))" } ?? "—"  // to one decimal, as reports show it
    print(score, report.rating?.label[.vi] ?? "—", report.provisional)
    try AuditExport(audit).jsonData().write(to: exportURL)
    // end snippet

    let export = try AuditExport.read(from: exportURL)
    #expect(export.checklist.id == "public-office-conduct")
    #expect(export.items.first { $0.id == "BADGE-01" }?.notes.map(\.text) == ["2 cán bộ không đeo thẻ"])
    let badge = try #require(export.items.first { $0.id == "BADGE-01" }?.score)
    #expect(abs(badge - 10.0 / 12.0) < 1e-12)
    #expect(export.scores.provisional)
    #expect(export.rescore() == report)

    // snippet: log
    var next = audit
    let event = try next.record(
      .skipped(item: "BADGE-02", reason: "không đủ thời gian kiểm tra"), by: inspector, at: .now)
    try log.write(contentsOf: EventLog.line(for: event))  // a FileHandle; call synchronize() to fsync
    audit = next
    // end snippet
    #expect(audit.records["BADGE-02"]?.state == .skipped(reason: "không đủ thời gian kiểm tra"))
  }

  /// A file handle on a fresh temporary log, standing in for the snippet's `log`.
  let log: FileHandle = {
    let url = FileManager.default.temporaryDirectory
      .appending(path: "kycuong-readme-\(UUID().uuidString).jsonl")
    FileManager.default.createFile(atPath: url.path, contents: nil)
    return FileHandle(forWritingAtPath: url.path) ?? .nullDevice
  }()

  @Test func loadingSnippetReportsEveryIssueOfABrokenFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "kycuong-load-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appending(path: "MyChecklists"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(#"{"id": "x", "colour": 1}"#.utf8).write(to: folder.appending(path: "MyChecklists/broken.json"))
    var printed: [String] = []
    func print(_ value: Any) { printed.append("\(value)") }
    FileManager.default.changeCurrentDirectoryPath(folder.path)

    // snippet: load
    let standard = try Catalog.standard
    let conduct = standard["public-office-conduct"]

    do {
      let mine = try Catalog.load([URL(fileURLWithPath: "MyChecklists")])
      print(mine.checklists.map(\.id))
    } catch {
      for issue in error.issues { print(issue) }  // FILE: JSON.PATH: what is wrong
    }
    // end snippet

    #expect(conduct != nil)
    #expect(
      printed.contains(
        #"MyChecklists/broken.json: colour: unknown field "colour" in a checklist; known fields: "#
          + "description, historical, id, scopeNote, scoring, sections, sources, tags, title, version"))
    #expect(printed.contains(#"MyChecklists/broken.json: version: a checklist needs the field "version""#))
    #expect(printed.count == 6)
  }

  @Test func readingSnippetScoresALog() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "kycuong-read-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let checklist = try #require(try Catalog.standard["public-office-conduct"])
    var audit = Audit(
      header: AuditHeader(
        id: "a", checklist: checklist, unit: InspectedUnit(name: "U"), team: InspectionTeam(leader: "L"),
        visitType: .scheduled), by: "L", at: Date(timeIntervalSince1970: 1_800_000_000))
    try audit.record(
      .answered(item: "BADGE-01", outcome: .observation(compliant: 3, observed: 4), remark: nil), by: "L",
      at: Date(timeIntervalSince1970: 1_800_000_060))
    let data = try audit.events.reduce(into: Data()) { $0.append(try EventLog.line(for: $1)) }
    try data.write(to: folder.appending(path: "audit.jsonl"))
    FileManager.default.changeCurrentDirectoryPath(folder.path)

    // snippet: read
    let document = try AuditDocument.read(from: URL(fileURLWithPath: "audit.jsonl"))
    let scores = document.score(model: .flat)
    // end snippet

    #expect(scores == audit.score(model: .flat))
    #expect(scores.overall == 75)
  }

  @Test func documentsShowTheTestedCode() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let snippets = DocumentSnippets.snippets(in: source)
    #expect(snippets.count == 4)
    for document in ["README.md", "Docs.docc/Articles/UsingTheLibrary.md"] {
      let text = try String(contentsOf: root.appending(path: document), encoding: .utf8)
      let blocks = DocumentSnippets.swiftBlocks(in: text).filter {
        !$0.hasPrefix("// Package.swift") && !$0.hasPrefix(".package")
      }
      #expect(!blocks.isEmpty, "\(document) shows no Swift code")
      for block in blocks {
        #expect(snippets.contains(block), "\(document) shows code that no test runs:\n\(block)")
      }
    }
  }
}
