import Foundation
import KyCuong
import KyCuongSamples
import Testing

/// The summary folded as files are read (``AuditSummary/init(files:filter:today:timeZone:checkLog:)``, what
/// `report summary` runs) gives, byte for byte, the summary of every audit read first and kept
/// (``SummaryReader/read(_:)``), in every format, whatever the order of the files: on a generated folder
/// with a duplicate, a damaged file, a log beside its export, and the filters.
extension ReportTests {
  @Suite struct SummaryStreamingTests {
    /// 48 sample exports (40 units, critical failures, actions past their deadline), one of them twice,
    /// a hand-made audit as a log and as its export, a truncated export and a file that is not an audit.
    func makeFolder() throws -> URL {
      let folder = try ReportFixtures.folder("summary-streaming")
      let nested = folder.appending(path: "2026")
      try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
      for index in 0..<48 {
        let data = try AuditExport(SampleAudits.audit(index, seed: 7)).jsonData()
        try data.write(
          to: (index.isMultiple(of: 3) ? nested : folder).appending(path: "sample-\(index).json"))
        if index == 5 { try data.write(to: folder.appending(path: "copy-of-5.json")) }
        if index == 8 { try data.prefix(data.count / 3).write(to: folder.appending(path: "truncated.json")) }
      }
      let audit = try ReportFixtures.auditA()
      try ReportFixtures.logData(audit).write(to: folder.appending(path: "a.jsonl"))
      try AuditExport(audit).jsonData().write(to: nested.appending(path: "a-export.json"))
      try Data(#"{"name": "not an audit"}"#.utf8).write(to: folder.appending(path: "other.json"))
      return folder
    }

    /// Every rendering of `summary`, to compare whole.
    func renderings(_ summary: AuditSummary) throws -> [String] {
      var texts = [String(decoding: try summary.jsonData(), as: UTF8.self)]
      for language in [Language.vi, .en] {
        texts.append(summary.renderText(language: language))
        texts.append(summary.html(language: language))
        texts += AuditSummary.CSVTable.allCases.map { summary.csv($0, language: language) }
      }
      return texts
    }

    /// Compares renderings one by one, naming the first that differs (not printing megabytes of text).
    func expectSame(
      _ lhs: [String], _ rhs: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
      #expect(lhs.count == rhs.count, sourceLocation: sourceLocation)
      for (index, (left, right)) in zip(lhs, rhs).enumerated() {
        let same = left == right
        #expect(same, "\(what): rendering \(index) differs", sourceLocation: sourceLocation)
      }
    }

    @Test func theFoldedSummaryIsTheSummaryOfEveryAuditKeptInBothOrdersOfFiles() throws {
      let folder = try makeFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let sorted = SummaryReader.auditFiles(in: [folder])
      #expect(sorted.count == 53)
      let today = Fixed.day("2026-09-30")
      let filters = [SummaryFilter(), SummaryFilter(unit: "phường", focus: .disciplineAndCompliance)]
      for filter in filters {
        var outputs: [[String]] = []
        for files in [sorted, sorted.reversed()] {
          var folded = AuditSummary(files: files, filter: filter, today: today)
          let kept = AuditSummary(SummaryReader.read(files), filter: filter, today: today)
          #expect(folded.duplicates == 2)
          #expect(folded.skipped.count == 2)
          expectSame(try renderings(folded), try renderings(kept), "folded and kept, \(filter)")
          // Files skipped are listed in the order they were given; nothing else depends on the order.
          folded.skipped.sort { $0.path < $1.path }
          outputs.append(try renderings(folded))
        }
        expectSame(outputs[0], outputs[1], "both orders, \(filter)")
      }
      let all = AuditSummary(files: sorted, filter: SummaryFilter(), today: today)
      #expect(all.audits == 49)
      #expect(!all.criticalFailures.isEmpty)
      #expect(!all.overdueActions.isEmpty)
    }
  }
}
