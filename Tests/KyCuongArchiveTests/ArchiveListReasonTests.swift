import Foundation
import KyCuong
import KyCuongArchive
import KyCuongTestSupport
import Testing

@Suite(
  "kycuong archive list says why a high score is rated Không hoàn thành",
  .enabled(if: KyCuongBinary.url != nil, "needs the kycuong executable"))
struct ArchiveListReasonTests {
  @Test(
    "a rating forced by a critical failure names the items in table, CSV and JSON; others say nothing",
    arguments: TestBackend.allCases)
  func ratingReason(backend: TestBackend) throws {
    let cli = try ArchiveCLI(backend)
    defer { cli.remove() }
    let samples = (0..<30).map { ArchiveSamples.audit($0, seed: 5) }
    let forced = try #require(
      samples.filter { $0.score().ratingForcedByCriticalFailure }.max {
        ($0.score().overall ?? 0) < ($1.score().overall ?? 0)
      }, "no sample with a rating forced by a critical failure")
    let plain = try #require(samples.first { !$0.score().ratingForcedByCriticalFailure })
    let items = forced.score().criticalFailures.map(\.rawValue).joined(separator: ", ")
    for audit in [forced, plain] {
      try cli.write(try ArchiveSamples.unsealedExport(audit), "in/\(audit.id).json")
    }
    #expect(try cli.run(["import", "in"]).status == 0)
    let table = try cli.run(["list"]).output
    let forcedLine = try #require(table.split(separator: "\n").first { $0.contains(forced.id) })
    let plainLine = try #require(table.split(separator: "\n").first { $0.contains(plain.id) })
    #expect(forcedLine.contains("critical failure: \(items)"), "\(table)")
    #expect(!plainLine.contains("critical failure"), "\(table)")
    #expect(table.hasPrefix("started") && table.contains("rating_reason"), "\(table)")
    let csv = try cli.run(["list", "--format", "csv"]).output
    #expect(
      csv.contains(",critical failure: \(items),") || csv.contains(",\"critical failure: \(items)\","),
      "\(csv)")
    let json = try cli.run(["list", "--format", "json"]).output
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let byID = Dictionary(
      uniqueKeysWithValues: rows.compactMap { row in (row["audit"] as? String).map { ($0, row) } })
    #expect(byID[forced.id]?["rating_reason"] as? String == "critical failure: \(items)")
    #expect(byID[plain.id]?["rating_reason"] is NSNull)
    #expect(byID[forced.id]?["score"] as? Double == forced.score().overall)
  }
}
