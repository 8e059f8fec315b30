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
    // The decoder's own words, which do not name the member.
    #expect(try reason("event-count-1e300").contains("not a KyCuong export"))
  }
}
