import Foundation
import KyCuong
import KyCuongSupport
import Testing

/// The summary's reading of exports against the full reader (`AuditDocument`, `AuditExport(data:)`), on the
/// hostile corpus (`Tests/Fuzz/Corpus/export`, also the export fuzzer's seeds): the summary gives the full
/// reader's verdict on every file, with its reason, refuses every hostile file and reads every valid one.
@Suite("Summary on the hostile corpus")
struct ReportSummaryHostileTests {
  /// The committed seeds of the export fuzzer, the hostile corpus among them.
  static let corpus: [URL] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: HostileExports.folder.path)) ?? []
    return names.sorted().map { HostileExports.folder.appending(path: $0) }
  }()

  @Test("the committed hostile corpus is the one the fixtures make (KYCUONG_UPDATE_CORPUS=1 rewrites it)")
  func corpusIsCurrent() throws {
    let files = try HostileExports.corpus()
    #expect(files.count > 60)
    let update = ProcessInfo.processInfo.environment["KYCUONG_UPDATE_CORPUS"] == "1"
    for (name, data) in files {
      let url = HostileExports.folder.appending(path: name)
      if update { try data.write(to: url) }
      #expect(
        (try? Data(contentsOf: url)) == data,
        "\(name) differs from the fixture's; rerun with KYCUONG_UPDATE_CORPUS=1")
    }
  }

  @Test("on every seed of the export fuzzer, the summary gives the full reader's verdict")
  func identicalVerdictsOnTheCorpus() throws {
    #expect(Self.corpus.count > 60)
    for url in Self.corpus {
      let data = try Data(contentsOf: url)
      let name = url.lastPathComponent
      let summary = SummaryReader.readOne(url, checkLog: nil)
      #expect(summary == SummaryReader.readFully(data, path: url.relativePath, checkLog: nil), "\(name)")
      if name.hasPrefix("hostile-valid-") {
        guard case .audit = summary else {
          Issue.record("\(name) is valid but refused: \(summary)")
          continue
        }
      } else if name.hasPrefix("hostile-") {
        guard case .skipped = summary else {
          Issue.record("\(name) is hostile but read as an audit")
          continue
        }
      }
    }
  }

  @Test("an edited stored score changes nothing the summary counts")
  func storedScoresAreNotCounted() throws {
    func facts(_ name: String) throws -> AuditFacts? {
      let url = HostileExports.folder.appending(path: "hostile-\(name).json")
      guard case .audit(let facts, _) = SummaryReader.readOne(url, checkLog: nil) else { return nil }
      return facts
    }
    let base = try #require(try facts("valid-base"))
    for name in ["valid-scores-edited", "valid-overall-1e300"] {
      let edited = try #require(try facts(name))
      #expect(edited.overall == base.overall, "\(name)")
      #expect(edited.rating?.id == base.rating?.id, "\(name)")
      #expect(!edited.inconsistencies.isEmpty, "\(name): the edit is not reported")
    }
  }

  @Test("the reasons of the full reader reach the summary")
  func reasons() throws {
    func reason(_ name: String) throws -> String {
      let url = HostileExports.folder.appending(path: "hostile-\(name).json")
      guard case .skipped(let file) = SummaryReader.readOne(url, checkLog: nil) else { return "read" }
      return file.reason
    }
    #expect(try reason("duplicate-scores-overall").contains(#"the key "scores.overall" occurs twice"#))
    #expect(try reason("format-10").contains("unknown format \"kycuong.audit/10\""))
    #expect(try reason("scale-70").contains("POST-03"))
    #expect(try reason("observation-negative").contains("BADGE-01"))
    #expect(try reason("pass-on-scale").contains("POST-03"))
    // Every whole number of the export named, with its rule and what it held (the decoder's own words, or
    // nothing at all for a negative count, until the rules were checked before decoding).
    let wholeNumbers = [
      ("event-count-1e300", "audit.eventCount: must be a whole number ≥ 0, found 1e300"),
      ("event-count-fraction", "audit.eventCount: must be a whole number ≥ 0, found 19.5"),
      ("event-count-negative", "audit.eventCount: must be a whole number ≥ 0, found -3"),
      ("event-count-string", #"audit.eventCount: must be a whole number ≥ 0, found a string ("19")"#),
      ("staff-present-fraction", "audit.staffPresent: must be a whole number ≥ 0, found 18.5"),
      ("note-event-zero", "items[0].notes[0].event: must be a whole number ≥ 1, found 0"),
      ("attachment-size-negative", "items[2].attachments[0].size: must be a whole number ≥ 0, found -1"),
      ("compliant-1e300", "items[0].outcome.compliant: must be a whole number, found 1e300"),
      ("scored-items-fraction", "scores.sections[0].scoredItems: must be a whole number, found 1.5"),
    ]
    for (name, text) in wholeNumbers {
      #expect(try reason(name) == "not a KyCuong export: \(text)", "\(name)")
    }
    // Days and clock times that do not exist, with the member.
    let impossibleTimes = [
      (
        "date-rolled-over",
        "audit.startedAt: not an ISO 8601 time: 2026-02-30T02:00:00Z (there is no 30 February"
      ),
      ("date-april-31", "audit.finishedAt: not an ISO 8601 time: 2026-04-31T02:00:00Z (there is no 31 April"),
      (
        "date-not-leap",
        "items.0.at: not an ISO 8601 time: 2027-02-29T02:00:00Z (there is no 29 February 2027"
      ),
      ("time-hour-24", "findings.0.at: not an ISO 8601 time: 2026-02-10T24:00:00Z (hour 24 does not exist)"),
      ("time-minute-60", "audit.startedAt: not an ISO 8601 time: 2026-02-10T09:60:00+07:00 (minute 60 does"),
    ]
    for (name, text) in impossibleTimes {
      let found = try reason(name)
      #expect(found.hasPrefix("not a KyCuong export: \(text)"), "\(name): \(found)")
    }
    // Not JSON, but the member is named and NaN called by its name.
    #expect(try reason("nan-literal").contains(#"expected a value for "eventCount", found 'N'; NaN and"#))
    #expect(try reason("number-1e400").contains(#"the number 1e400 for "eventCount" is out of range"#))
  }
}
