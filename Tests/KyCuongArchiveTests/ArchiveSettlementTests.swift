import Foundation
import KyCuong
import KyCuongArchive
import Testing

/// Every action's settlement, comparable across archives.
private func settlement(_ archive: DepartmentArchive) async throws -> [String: String] {
  let today = CalendarDate(year: 2027, month: 1, day: 1) ?? CalendarDate(Date(), in: .vietnam)
  let actions = try await archive.actions(ActionFilter(today: today))
  return Dictionary(
    uniqueKeysWithValues: actions.map { ("\($0.auditID)#\($0.action.position)", $0.settledBy ?? "-") })
}

@Suite("Corrective actions settled by later audits, kept by every import")
struct ArchiveSettlementTests {
  /// Ten audits of one ward and two of another, so that later audits settle earlier actions.
  static let audits = [0, 40, 80, 120, 160, 200, 240, 280, 320, 360, 1, 41].map {
    ArchiveSamples.audit($0, seed: 17)
  }

  @Test(
    "imported in any order, the settlement is the same, and the summary's overdue actions",
    arguments: TestBackend.allCases)
  func anyOrder(backend: TestBackend) async throws {
    let chronological = Self.audits.sorted { $0.startedAt < $1.startedAt }
    var results: [[String: String]] = []
    for order in [chronological, chronological.reversed(), Self.audits] {
      let result = try await withArchive(backend) { archive, _ in
        for audit in order {
          let outcome = try await archive.importDocument(
            try ArchiveSamples.unsealedExport(audit), fileName: "\(audit.id).json", from: "Đoàn 1")
          #expect(outcome.receipt != nil, "\(outcome)")
        }
        let today = CalendarDate(year: 2027, month: 1, day: 1) ?? CalendarDate(Date(), in: .vietnam)
        let overdue = try await archive.overdueActions(asOf: today)
        let expected = try ArchiveSamples.summary(of: Self.audits, today: today).overdueActions
        #expect(overdue.count == expected.count)
        #expect(
          Set(overdue.map { "\($0.auditID)#\($0.action.what)" })
            == Set(expected.map { "\($0.audit)#\($0.what)" }))
        return try await settlement(archive)
      }
      results.append(result)
    }
    #expect(results[0] == results[1] && results[1] == results[2])
    #expect(results[0].values.contains { $0 != "-" } && results[0].values.contains("-"))
    // Each settled action is settled by the first later audit of its ward in which its item passes.
    let byID = Dictionary(uniqueKeysWithValues: Self.audits.map { ($0.id, $0) })
    for (key, settler) in results[0] where settler != "-" {
      let auditID = String(key.split(separator: "#")[0])
      let audit = try #require(byID[auditID])
      let item = try #require(
        audit.correctiveActions[Int(key.split(separator: "#")[1]) ?? 0].item)
      let first = Self.audits.filter {
        $0.header.unit == audit.header.unit && $0.startedAt > audit.startedAt
          && $0.score().criticalFailures.isEmpty || true
      }
      .filter { $0.header.unit == audit.header.unit && $0.startedAt > audit.startedAt }
      .filter { later in
        AuditExport(later).itemResults[item]?.passes == true
      }
      .min { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
      #expect(first?.id == settler, "\(key)")
    }
  }

  @Test(
    "a later version that no longer passes an item gives back the actions it settled",
    arguments: TestBackend.allCases)
  func laterVersionUnsettles(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      let early = ArchiveSamples.audit(0, seed: 17)
      let late = ArchiveSamples.audit(40, seed: 17)
      #expect(early.header.unit == late.header.unit && early.startedAt < late.startedAt)
      _ = try await archive.importDocument(
        try ArchiveSamples.unsealedExport(early), fileName: "early.json", from: "x")
      // The later audit's first state: its first events only, unfinished, passing nothing yet.
      let partial = try ArchiveSamples.prefix(late, events: 1)
      _ = try await archive.importDocument(
        try ArchiveSamples.chainedLog(partial), fileName: "p.jsonl", from: "x")
      #expect(try await settlement(archive).values.allSatisfy { $0 == "-" })
      let full = try await archive.importDocument(
        try ArchiveSamples.chainedLog(late), fileName: "late.jsonl", from: "x")
      #expect(full.receipt?.relation == .laterVersion, "\(full)")
      let settled = try await settlement(archive).filter { $0.value == late.id }
      #expect(!settled.isEmpty, "the full later audit passes items the early one failed")
      #expect(try await archive.verify().problems == [])
    }
  }
}
