import Foundation
import KyCuong
import KyCuongArchive
import Testing

@Suite("The archive's questions: a unit's audits, overdue actions, trends, who sent this")
struct ArchiveQueryTests {
  /// Audits 0, 40 and 80 are of the same unit (the samples cycle through 40 wards); 1 and 2 are of others.
  static let indexes = [0, 40, 80, 1, 2]

  @Test("answers from the archive, and plans that use the indexes", arguments: TestBackend.allCases)
  func questions(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, _ in
      let audits = Self.indexes.map { ArchiveSamples.audit($0) }
      var shas: [String: String] = [:]
      for audit in audits {
        let outcome = try await archive.importDocument(
          try ArchiveSamples.unsealedExport(audit), fileName: "\(ArchiveSamples.id(audit)).json",
          from: "Đoàn 5")
        shas[ArchiveSamples.id(audit)] = try #require(outcome.receipt?.sha256)
      }
      let ward = audits.prefix(3).sorted { $0.startedAt < $1.startedAt }

      // Every audit of the ward, typed without diacritics.
      let listed = try await archive.audits(ofUnit: "ubnd phuong HANG BAC")
      #expect(listed.map(\.auditID) == ward.map(ArchiveSamples.id))
      #expect(listed.map(\.overallScore) == ward.map(ArchiveSamples.overall))
      #expect(listed.allSatisfy { $0.unit == "UBND phường Hàng Bạc" })
      // Since the day of the second one (Vietnam time).
      let since = CalendarDate(ward[1].startedAt, in: .vietnam)
      #expect(
        try await archive.audits(ofUnit: "UBND phường Hàng Bạc", since: since).map(\.auditID)
          == ward.dropFirst().map(ArchiveSamples.id))

      // The trend: in time order, with focus-area scores.
      let trend = try await archive.scoreTrend(ofUnit: "UBND phường Hàng Bạc")
      #expect(trend.map(\.audit.auditID) == ward.map(ArchiveSamples.id))
      #expect(
        trend.allSatisfy { Set($0.focusAreas.keys) == ["focus-2017-1", "focus-2017-2", "focus-2017-3"] })

      // Overdue actions: every sample action is due in 2026; those a later audit of the ward settled are not
      // overdue (the summary's rule, which the library's summary of the same audits applies).
      let overdue = try await archive.overdueActions(asOf: CalendarDate("2027-01-01")!)
      let summarised = try ArchiveSamples.summary(of: audits, today: CalendarDate("2027-01-01")!)
        .overdueActions
      #expect(
        Set(overdue.map { "\($0.auditID)#\($0.action.what)" })
          == Set(summarised.map { "\($0.audit)#\($0.what)" }))
      #expect(overdue.count == summarised.count && !overdue.isEmpty)
      let total = audits.map(ArchiveSamples.actionCount).reduce(0, +)
      #expect(overdue.count < total, "the later audits of the ward settle some of its actions")
      #expect(overdue.map(\.action.due) == overdue.map(\.action.due).sorted())
      #expect(overdue.allSatisfy { !$0.action.recordedBy.isEmpty && !$0.unit.isEmpty && $0.settledBy == nil })
      #expect(try await archive.overdueActions(asOf: CalendarDate("2026-01-01")!).isEmpty)
      let settled = try await archive.actions(
        ActionFilter(state: .settled, today: CalendarDate("2027-01-01")!))
      #expect(settled.count + overdue.count == total)
      #expect(
        settled.allSatisfy { $0.settledBy != nil && ($0.settledAt ?? .distantPast) > $0.auditStartedAt })

      // Who sent this.
      let first = try #require(shas[ArchiveSamples.id(audits[0])])
      let stored = try #require(try await archive.document(first))
      #expect(stored.receivedFrom == "Đoàn 5" && stored.kind == .export && stored.seal == .unsealed)
      #expect(try await archive.document(String(repeating: "0", count: 64)) == nil)

      // The plans use the indexes (PostgreSQL is told to avoid sequential scans, which it prefers on five
      // audits; the benchmark's README shows its plans on many).
      if backend == .postgresql { try await archive.executeForTesting("SET enable_seqscan = off") }
      let expected: [(ArchiveQuery, String)] = [
        (.auditsOfUnit(unit: "UBND phường Hàng Bạc", since: since), "audits_by_unit"),
        (.scoreTrend(unit: "UBND phường Hàng Bạc"), "audits_by_unit"),
        (.overdueActions(asOf: CalendarDate("2026-06-01")!), "actions_open_by_due"),
        (.document(sha256: first), backend == .sqlite ? "sqlite_autoindex_documents_1" : "documents_pkey"),
        (.documentsSigned(fingerprint: "3f9a 0c1d 77e2 9b40"), "documents_by_signer"),
      ]
      for (query, index) in expected {
        let plan = try await archive.explain(query)
        #expect(plan.contains { $0.contains(index) }, "\(query): \(plan)")
      }
    }
  }
}
