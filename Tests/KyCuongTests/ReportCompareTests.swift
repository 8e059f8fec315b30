import Foundation
import KyCuong
import KyCuongSupport
import Testing

/// Re-inspections compared on hand-made pairs (see the score workings in `ReportFixtures`).
extension ReportTests {
  @Suite struct CompareTests {
    func close(_ value: Double?, _ expected: Double) -> Bool {
      guard let value else { return false }
      return abs(value - expected) < 1e-9
    }

    @Test func scoreChangesItemsAndActionsAcrossChecklistVersions() throws {
      let comparison = try AuditComparison(
        old: AuditExport(try ReportFixtures.auditA()), new: AuditExport(try ReportFixtures.auditB()))
      #expect(!comparison.forced)
      #expect(close(comparison.overall.old, (87.5 + 100.0 / 3) / 2))
      #expect(close(comparison.overall.new, (50 + 175.0 / 3) / 2))
      #expect(close(comparison.overall.change, -6.25))
      let sections = Dictionary(uniqueKeysWithValues: comparison.sections.map { ($0.id, $0) })
      #expect(close(sections["badge"]?.change, -37.5))
      #expect(close(sections["posting"]?.change, 25))
      let focus = Dictionary(uniqueKeysWithValues: comparison.focusAreas.map { ($0.id, $0) })
      #expect(close(focus["focus-2017-1"]?.old, 50))
      #expect(close(focus["focus-2017-1"]?.new, 75))
      #expect(close(focus["focus-2017-2"]?.change, 50 - 175.0 / 3))

      #expect(comparison.fixed.map(\.id) == ["BADGE-01", "POST-01"])
      #expect(comparison.newlyFailing.map(\.id) == ["BADGE-02"])
      #expect(comparison.newlyFailing.first?.critical == true)
      #expect(comparison.stillFailing.map(\.id) == ["POST-03"])
      #expect(comparison.onlyInOld == ["POST-02"])
      #expect(comparison.onlyInNew == ["POST-04"])
      #expect(
        comparison.actions.map { "\($0.action.item ?? "-") \($0.status.rawValue)" } == [
          "POST-01 done", "POST-03 notDone", "- unknown", "POST-02 unknown",
        ])
    }

    @Test func textAndJSONShowTheComparison() throws {
      let comparison = try AuditComparison(
        old: AuditExport(try ReportFixtures.auditA()), new: AuditExport(try ReportFixtures.auditB()))
      let vi = comparison.renderText(language: .vi)
      #expect(
        ReportFixtures.firstOutOfOrder(
          vi,
          [
            "Tổng điểm", "60,4", "54,2", "-6,2", "Đã khắc phục (2)", "Mới không đạt (1)", "Vẫn không đạt (1)",
            "POST-02", "POST-04", "Đã khắc phục",
          ]) == nil)
      let en = comparison.renderText(language: .en)
      #expect(
        ReportFixtures.firstOutOfOrder(
          en, ["Overall score", "Fixed (2)", "Newly failing (1)", "Still failing (1)", "Not done"]) == nil)
      let decoded = try JSONCoding.decoder().decode(AuditComparison.self, from: comparison.jsonData())
      #expect(decoded == comparison)
    }

    @Test func differentUnitsOrChecklistsAreRefusedUnlessForced() throws {
      let a = AuditExport(try ReportFixtures.auditA())
      let c = AuditExport(try ReportFixtures.auditC())
      #expect(throws: ReportError.differentUnits(old: ReportFixtures.hangBac, new: ReportFixtures.cuaNam)) {
        try AuditComparison(old: a, new: c)
      }
      #expect(try AuditComparison(old: a, new: c, force: true).forced)
      let other = try ReportFixtures.audit(
        id: "other", unit: "ubnd phuong hang bac", checklist: ReportFixtures.checklist(id: "other-list"),
        start: "2026-03-01T02:00:00Z", answers: [], finish: false)
      #expect(throws: ReportError.differentChecklists(old: "test-office", new: "other-list")) {
        try AuditComparison(old: a, new: AuditExport(other))
      }
      // The command's flag to compare anyway is --allow-mismatch (--force now replaces an output file).
      for message in [
        ReportError.differentUnits(old: "a", new: "b"), ReportError.differentChecklists(old: "a", new: "b"),
      ] {
        #expect(message.message(.vi).contains("--allow-mismatch"))
        #expect(message.message(.en).contains("--allow-mismatch"))
        #expect(!message.message(.vi).contains("--force"))
        #expect(!message.message(.en).contains("--force"))
      }
    }
  }
}
