import Foundation
import KyCuong
import KyCuongArchive
import KyCuongTestSupport
import Testing

/// A folder of documents for the summary: exports of `count` audits, the chained logs of every third (the
/// same state again: duplicates), an earlier state's log of one (replaced by its export: a later version),
/// and one export whose stored scores were inflated (a warning).
private func documents(count: Int, in folder: URL) throws -> [URL] {
  var files = try ArchiveSamples.writeExports(count: count, seed: 41, to: folder)
  for index in stride(from: 0, to: count, by: 3) {
    let audit = ArchiveSamples.audit(index, seed: 41)
    let url = folder.appending(path: "\(audit.id).jsonl")
    try ArchiveSamples.chainedLog(audit).write(to: url)
    files.append(url)
  }
  let inflated = ArchiveSamples.audit(count + 1, seed: 41)
  var json = try #require(
    try JSONSerialization.jsonObject(with: ArchiveSamples.unsealedExport(inflated)) as? [String: Any])
  var scores = try #require(json["scores"] as? [String: Any])
  scores["overall"] = 99.5
  json["scores"] = scores
  let url = folder.appending(path: "\(inflated.id).json")
  try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: url)
  files.append(url)
  return files.sorted { $0.path < $1.path }
}

@Suite("The archive's summary is report summary's")
struct ArchiveSummaryTests {
  static let today = CalendarDate(year: 2026, month: 10, day: 1) ?? CalendarDate(Date(), in: .vietnam)

  static let filters: [SummaryFilter] = [
    SummaryFilter(),
    SummaryFilter(unit: "hang bac"),
    SummaryFilter(checklist: "sample-office-discipline", from: CalendarDate(year: 2026, month: 3, day: 1)),
    SummaryFilter(to: CalendarDate(year: 2026, month: 6, day: 30)),
    SummaryFilter(focus: .disciplineAndCompliance),
    SummaryFilter(unit: "UBND", to: CalendarDate(year: 2026, month: 8, day: 31), focus: .exemplaryConduct),
  ]

  @Test(
    "the archive's summary equals the library's over the same files, with every filter",
    arguments: TestBackend.allCases)
  func equalsTheFolderScan(backend: TestBackend) async throws {
    let folder = try TestFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try documents(count: 90, in: folder)
    let reading = SummaryReader.read(files)
    #expect(reading.duplicates == 30 && reading.warnings.count == 1)
    try await withArchive(backend) { archive, _ in
      for file in files {
        let outcome = try await archive.importFile(file, from: "Đoàn 1")
        #expect(outcome.refusal == nil, "\(file.lastPathComponent): \(outcome)")
      }
      for filter in Self.filters {
        let expected = AuditSummary(reading, filter: filter, today: Self.today)
        let summary = try await archive.summary(filter: filter, today: Self.today)
        #expect(summary == expected, "\(filter)")
        // Byte for byte, as `--format json` writes it.
        #expect(try summary.jsonData() == expected.jsonData(), "\(filter)")
      }
      let all = try await archive.summary(today: Self.today)
      #expect(all.audits == 91 && all.filesRead == files.count && !all.overdueActions.isEmpty)
    }
  }

  @Test("`archive summary --format json` equals `report summary --format json` over the same files")
  func commandsAgree() throws {
    let kycuong = try #require(KyCuongBinary.url, "needs the kycuong executable built beside the tests")
    let folder = try TestFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exports = folder.appending(path: "exports")
    try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    _ = try documents(count: 60, in: exports)
    let database = folder.appending(path: "archive.sqlite").path
    let imported = try CommandRun.run(
      kycuong, ["archive", "import", "--database", database, "exports"], in: folder)
    #expect(imported.status == 0, "\(imported.error)")
    for options in [
      ["--format", "json"], ["--format", "json", "--unit", "hang bac", "--to", "2026-08-31"],
      ["--format", "csv", "--table", "overdue"], ["--format", "table", "--lang", "en"],
    ] {
      let common = options + ["--today", "2026-10-01"]
      let report = try CommandRun.run(kycuong, ["report", "summary", "exports"] + common, in: folder)
      let archived = try CommandRun.run(
        kycuong, ["archive", "summary", "--database", database] + common, in: folder)
      #expect(report.status == 0 && archived.status == 0, "\(report.error) \(archived.error)")
      #expect(!archived.output.isEmpty)
      #expect(archived.output == report.output, "\(options)")
      // Both warn of the inflated export, the same way.
      #expect(archived.error == report.error, "\(options)")
    }
  }
}
