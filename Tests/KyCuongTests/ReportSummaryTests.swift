import Foundation
import KyCuong
import KyCuongSupport
import Testing

/// The summary on four hand-made audits (two logs, two exports) and three damaged files, checked against
/// figures worked out by hand:
/// A Hàng Bạc 2026-02-10 60.4167 Hoàn thành; B Hàng Bạc 2026-05-12 54.1667 Không hoàn thành (critical
/// BADGE-02); C Cửa Nam 2026-02-20 100 Hoàn thành xuất sắc; D Cửa Nam 2026-05-03 87.5 Hoàn thành tốt.
extension ReportTests {
  @Suite struct SummaryTests {
    let a = (87.5 + 100.0 / 3) / 2
    let b = (50 + 175.0 / 3) / 2

    func close(_ value: Double?, _ expected: Double) -> Bool {
      guard let value else { return false }
      return abs(value - expected) < 1e-9
    }

    /// Writes the four audits and the damaged files into a fresh folder.
    func makeFolder() throws -> URL {
      let folder = try ReportFixtures.folder("summary")
      let nested = folder.appending(path: "2026/05")
      try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
      let auditA = try ReportFixtures.auditA()
      try ReportFixtures.logData(auditA).write(to: folder.appending(path: "a.jsonl"))
      try AuditExport(try ReportFixtures.auditB()).jsonData().write(to: nested.appending(path: "b.json"))
      try AuditExport(try ReportFixtures.auditC()).jsonData().write(to: folder.appending(path: "c.json"))
      try ReportFixtures.logData(try ReportFixtures.auditD()).write(to: nested.appending(path: "d.jsonl"))
      // The export of A beside its log: the same audit, counted once.
      try AuditExport(auditA).jsonData().write(to: folder.appending(path: "a-export.json"))
      let export = try AuditExport(try ReportFixtures.auditC()).jsonData()
      try export.prefix(export.count / 2).write(to: folder.appending(path: "truncated.json"))
      try Data(#"{"name": "not an audit", "items": []}"#.utf8).write(to: folder.appending(path: "other.json"))
      try Data().write(to: folder.appending(path: "empty.json"))
      try Data("ignored".utf8).write(to: folder.appending(path: "notes.txt"))
      return folder
    }

    func summary(_ filter: SummaryFilter? = nil) throws -> (AuditSummary, URL) {
      let folder = try makeFolder()
      let reading = SummaryReader.read(SummaryReader.auditFiles(in: [folder]))
      return (
        AuditSummary(reading, filter: filter ?? SummaryFilter(), today: Fixed.day("2026-06-30")), folder
      )
    }

    @Test func figuresMatchTheHandComputedValues() throws {
      let (summary, folder) = try summary()
      defer { try? FileManager.default.removeItem(at: folder) }
      #expect(summary.filesRead == 8)
      #expect(summary.audits == 4)
      #expect(summary.duplicates == 1)
      #expect(close(summary.total.meanScore, (a + b + 100 + 87.5) / 4))

      let units = Dictionary(uniqueKeysWithValues: summary.units.map { ($0.key, $0) })
      #expect(units[ReportFixtures.hangBac]?.audits == 2)
      #expect(close(units[ReportFixtures.hangBac]?.meanScore, (a + b) / 2))
      #expect(
        units[ReportFixtures.hangBac]?.ratings.map { "\($0.id)=\($0.count)" } == [
          "fulfilled=1", "notFulfilled=1",
        ])
      #expect(close(units[ReportFixtures.cuaNam]?.meanScore, 93.75))
      #expect(
        units[ReportFixtures.cuaNam]?.ratings.map { "\($0.id)=\($0.count)" } == ["excellent=1", "good=1"])
      #expect(
        summary.ranking.map { "\($0.rank) \($0.unit)" } == [
          "1 \(ReportFixtures.cuaNam)", "2 \(ReportFixtures.hangBac)",
        ])

      #expect(summary.checklists.map { "\($0.key) \($0.audits)" } == ["test-office 4"])
      #expect(summary.months.map(\.key) == ["2026-02", "2026-05"])
      #expect(close(summary.months.first?.meanScore, (a + 100) / 2))
      #expect(close(summary.months.last?.meanScore, (b + 87.5) / 2))
      let focus = Dictionary(uniqueKeysWithValues: summary.focusAreas.map { ($0.key, $0) })
      // focus-2017-1: A (0.5 + 0.5) / 2 = 50, B 75, C 100, D 100.
      #expect(close(focus["focus-2017-1"]?.meanScore, (50 + 75 + 100 + 100) / 4))

      #expect(
        summary.failingItems.map { "\($0.item) \($0.failures)/\($0.assessed)" } == [
          "BADGE-01 2/4", "POST-03 2/4", "BADGE-02 1/4", "POST-01 1/4", "POST-02 1/3", "POST-04 1/1",
        ])
      #expect(
        summary.criticalFailures.map { "\($0.date) \($0.item) \($0.audit)" } == [
          "2026-05-12 BADGE-02 20260512-0900-hang-bac-bbbb"
        ])
      // POST-01's action is settled by B, where it passes; the others are not.
      #expect(
        summary.overdueActions.map { "\($0.item ?? "-") \($0.daysOverdue)" } == [
          "POST-03 121", "- 107", "POST-02 90",
        ])
    }

    @Test func damagedAndForeignFilesAreSkippedAndReported() throws {
      let (summary, folder) = try summary()
      defer { try? FileManager.default.removeItem(at: folder) }
      let skipped = Dictionary(
        uniqueKeysWithValues: summary.skipped.map {
          (URL(fileURLWithPath: $0.path).lastPathComponent, $0.reason)
        })
      #expect(Set(skipped.keys) == ["truncated.json", "other.json", "empty.json"])
      #expect(skipped["empty.json"] == "an empty file, not an audit")
      // One JSON object without "format" is read as an export whose format was removed.
      #expect(skipped["other.json"] == #"not a KyCuong export: missing "format""#)
      // An export cut short is no JSON, but its first line is a lone `{`: the JSON reader says where it ends.
      #expect(
        skipped["truncated.json"]?.hasPrefix("not a KyCuong export: not JSON at line ") == true,
        "\(skipped["truncated.json"] ?? "-")")
      let text = summary.renderText(language: .vi)
      #expect(text.contains("đã đọc 8, bỏ qua 3, trùng 1"))
      #expect(text.contains("truncated.json"))
    }

    /// The summary reads every file through the full reader (the fast byte-skimming path is gone).
    @Test func theReaderOfExportsFindsWhatTheFullReaderFinds() throws {
      let folder = try ReportFixtures.folder("fast")
      defer { try? FileManager.default.removeItem(at: folder) }
      let export = AuditExport(try ReportFixtures.auditA())
      let url = folder.appending(path: "a.json")
      try export.jsonData().write(to: url)
      let reading = SummaryReader.read([url])
      #expect(reading.audits == [AuditFacts(export, file: url.relativePath)])
      #expect(reading.audits.first?.items.first?.text.vi == "Cán bộ đeo thẻ công chức")
    }

    @Test func aLogCutOffByACrashIsReadWithAWarning() throws {
      let folder = try ReportFixtures.folder("crash")
      defer { try? FileManager.default.removeItem(at: folder) }
      var log = try ReportFixtures.logData(try ReportFixtures.auditC())
      log.append(Data(#"{"v":1,"seq":99,"ty"#.utf8))
      try log.write(to: folder.appending(path: "c.jsonl"))
      let reading = SummaryReader.read(SummaryReader.auditFiles(in: [folder]))
      #expect(reading.audits.count == 1)
      #expect(reading.warnings.first?.reason.contains("incomplete last line") == true)
    }

    @Test func filtersNarrowTheAudits() throws {
      let (byUnit, folder) = try summary(SummaryFilter(unit: "hang bac"))
      defer { try? FileManager.default.removeItem(at: folder) }
      #expect(byUnit.audits == 2)
      #expect(byUnit.filteredOut == 2)
      let reading = SummaryReader.read(SummaryReader.auditFiles(in: [folder]))
      let may = AuditSummary(
        reading, filter: SummaryFilter(from: Fixed.day("2026-05-01"), to: Fixed.day("2026-05-31")),
        today: Fixed.day("2026-06-30"))
      #expect(may.units.map(\.audits) == [1, 1])
      #expect(close(may.total.meanScore, (b + 87.5) / 2))
      let focus = AuditSummary(
        reading, filter: SummaryFilter(focus: .responsibilityAndEthics), today: Fixed.day("2026-06-30"))
      #expect(focus.focusAreas.map(\.key) == ["focus-2017-1"])
      #expect(focus.failingItems.map(\.item) == ["POST-03", "POST-02"])
      #expect(focus.criticalFailures.isEmpty)
      let none = AuditSummary(
        reading, filter: SummaryFilter(checklist: "nothing"), today: Fixed.day("2026-06-30"))
      #expect(none.audits == 0)
      // The filter takes typed values: a bad day or focus area cannot be one (the command refuses them, see
      // `ReportCommandTests`).
      #expect(throws: CalendarDate.ParseError.noSuchDay("2026-13-01")) {
        try CalendarDate(parsing: "2026-13-01")
      }
      #expect(FocusArea(tag: "focus-9") == nil)
      #expect(FocusArea(tag: "focus-2017-1") == .responsibilityAndEthics)
    }

    @Test func csvFollowsRFC4180WithABOM() throws {
      let (summary, folder) = try summary()
      defer { try? FileManager.default.removeItem(at: folder) }
      let csv = summary.csv(.ranking, language: .vi)
      #expect(csv.hasPrefix("\u{FEFF}rank,unit,mean_score,audits\r\n"))
      #expect(csv.contains("1,\"UBND phường \"\"Cửa Nam\"\", Hoàn Kiếm\",93.8,2\r\n"))
      #expect(csv.hasSuffix("\r\n"))
      #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
      let groups = summary.csv(.groups, language: .en)
      #expect(groups.contains("\r\nmonth,2026-02,2026-02,2,2,80.2,"))
      #expect(AuditSummary.csvField("a\nb") == "\"a\nb\"")
      #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func htmlAndJSONHoldTheFigures() throws {
      let (summary, folder) = try summary()
      defer { try? FileManager.default.removeItem(at: folder) }
      let html = summary.html(language: .vi)
      #expect(html.contains("<svg"))
      #expect(html.contains("<polyline"))
      #expect(html.contains("UBND phường &quot;Cửa Nam&quot;, Hoàn Kiếm"))
      #expect(!html.contains("<script"))
      let decoded = try JSONCoding.decoder().decode(AuditSummary.self, from: summary.jsonData())
      #expect(decoded == summary)
    }
  }
}
