import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongTestSupport
import Testing

/// The code of the "Building a tool on KyCuong" article (Docs.docc/Articles/BuildingATool.md), compiled and
/// run here step by step, with what each step must produce checked after it.
///
/// Each step sits between `// snippet: NAME` and `// end snippet`; ``articleShowsTheTestedCode()`` checks
/// that every Swift block of the article is one of them, in order, so the article cannot drift from code that
/// compiles.
@Suite("Tutorial: a tool built on the public API")
struct TutorialTests {
  enum TutorialError: Error { case noChecklist }

  @Test("catalog → audit → finish → export → read back → record → comparison → summary → seal, sign, verify")
  func tutorial() throws {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "kycuong-tutorial-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // snippet: start
    let catalog = try Catalog.standard
    guard let checklist = catalog["public-office-conduct"] else { throw TutorialError.noChecklist }
    let unit = InspectedUnit(
      name: "UBND phường Hàng Bạc", address: "số 1 Hàng Bạc, Hà Nội", representative: "Đỗ Văn Hùng",
      representativeTitle: "Phó Chủ tịch UBND phường")
    let team = InspectionTeam(people: [
      TeamMember(name: "Nguyễn Văn An", title: "Phó Giám đốc Sở Nội vụ", role: .leader),
      TeamMember(name: "Trần Thị Bình", title: "Chuyên viên Sở Nội vụ", role: .secretary),
    ])
    let header = AuditHeader(
      id: AuditHeader.makeID(unit: unit.name, at: .now), checklist: checklist, unit: unit, team: team,
      visitType: .scheduled,
      context: AuditContext(province: "Hà Nội", level: .commune, oneStopDesk: true))
    var audit = Audit(header: header, recorder: "Trần Thị Bình", clock: .system)
    // end snippet
    #expect(audit.openItems.count == audit.applicableItems.count)

    // snippet: answer
    try audit.answer("BADGE-01", .observation(compliant: 10, observed: 12))
    try audit.note("2 cán bộ tại bộ phận một cửa không đeo thẻ", on: "BADGE-01")
    try audit.explain("Hai đồng chí mới được điều động, đang chờ cấp thẻ", on: "BADGE-01")
    try audit.requireAction(
      "Cấp thẻ cho cán bộ mới", owner: "Văn phòng UBND phường", due: try CalendarDate(parsing: "2026-12-15"),
      for: "BADGE-01")
    // The rest passes in this example; on site each item gets what the team saw. A yes/no gate answered
    // "yes" opens the items that depend on it, so ask for the open items again after each answer.
    while let item = audit.openItems.first {
      switch item.kind {
      case .observation: try audit.answer(item.id, .observation(compliant: 5, observed: 5))
      case .scale(let max): try audit.answer(item.id, .scale(max))
      case .text: try audit.answer(item.id, .text("Bộ phận một cửa, 5 cán bộ"))
      case .yesNo: try audit.answer(item.id, .yes)
      case .check: try audit.answer(item.id, .pass)
      }
    }
    try audit.addFinding("Đơn vị chấp hành tốt thời giờ làm việc; còn 2 cán bộ chưa có thẻ")
    try audit.finish()
    // end snippet
    #expect(audit.isFinished)
    #expect(audit.openItems.isEmpty)

    // snippet: export
    let exportURL = folder.appending(path: "\(audit.id).json")
    try AuditExport(audit).jsonData().write(to: exportURL)

    let export = try AuditExport.read(from: exportURL)  // every item and outcome checked again
    let scores = export.rescore()  // derived from the items, never taken from the file
    // end snippet
    #expect(scores == audit.score())
    let overall = try #require(scores.overall)
    #expect(overall < 100 && overall > 95)

    // snippet: record
    let record = InspectionRecord(export: export)
    try Data(record.html(language: .vi).utf8).write(to: folder.appending(path: "bien-ban.html"))
    print(record.markdown(language: .en))
    // end snippet
    let markdown = record.markdown(language: .vi)
    #expect(markdown.contains("UBND phường Hàng Bạc"))
    #expect(markdown.contains("2 cán bộ tại bộ phận một cửa không đeo thẻ"))
    #expect(markdown.contains("Cấp thẻ cho cán bộ mới"))

    // The re-inspection: every badge worn.
    let laterStart = audit.startedAt.addingTimeInterval(30 * 86_400)
    var later = Audit(
      header: AuditHeader(
        id: AuditHeader.makeID(unit: unit.name, at: laterStart), checklist: checklist, unit: unit, team: team,
        visitType: .scheduled, context: header.context),
      recorder: "Trần Thị Bình", clock: .fixed(laterStart))
    for item in audit.applicableItems {
      if let outcome = audit.records[item.id]?.outcome {
        try later.answer(item.id, item.id == "BADGE-01" ? .observation(compliant: 12, observed: 12) : outcome)
      }
    }
    try later.finish()
    let laterURL = folder.appending(path: "\(later.id).json")
    try AuditExport(later).jsonData().write(to: laterURL)

    // snippet: compare
    let comparison = try AuditComparison(old: export, new: AuditExport.read(from: laterURL))
    print(comparison.renderText(language: .vi))  // score change, items fixed, items still failing, actions
    // end snippet
    #expect(comparison.renderText(language: .vi).contains("BADGE-01"))

    // snippet: summary
    let files = SummaryReader.auditFiles(in: [folder])
    let summary = AuditSummary(
      SummaryReader.read(files), filter: SummaryFilter(unit: "Hàng Bạc"),
      today: try CalendarDate(parsing: "2026-12-31"))
    print(summary.renderText(language: .vi))
    // end snippet
    #expect(summary.audits == 2)
    #expect(summary.units.count == 1)

    // snippet: seal
    // The log as the store writes it: one hash-chained line per event, each after the one before.
    var log = Data()
    var previous: Data?
    for event in audit.events {
      let line = try LogChain.line(for: event, after: previous)
      log.append(line)
      previous = line
    }
    let key = SigningKey(signer: "Nguyễn Văn An")
    let signed = try ExportIntegrity.sign(ExportIntegrity.seal(export, log: log), with: key, at: .now)
    let signedData = try signed.jsonData()

    let verification = ExportIntegrity.verify(exportData: signedData, log: log, trustedKey: key.publicKey)
    print(verification.problems.isEmpty ? "verified" : "\(verification.problems)")
    let authenticity = ExportIntegrity.authenticity(ofExportJSON: signedData, trustedKeys: [key.publicKey])
    let signedRecord = InspectionRecord(export: try AuditExport(data: signedData), authenticity: authenticity)
    // end snippet
    #expect(verification.problems.isEmpty)
    #expect(verification.signatureValid && verification.signatureTrusted)
    guard case .signed(signer: "Nguyễn Văn An", _, _, keyTrusted: true) = signedRecord.authenticity else {
      Issue.record("the record is not shown as signed by a trusted key: \(signedRecord.authenticity)")
      return
    }
    // The same document with one score edited no longer verifies, and its record says so.
    let edited = String(decoding: signedData, as: UTF8.self)
      .replacingOccurrences(of: #""compliant" : 10"#, with: #""compliant" : 12"#)
    #expect(edited != String(decoding: signedData, as: UTF8.self))
    let tampered = ExportIntegrity.authenticity(ofExportJSON: Data(edited.utf8), trustedKeys: [key.publicKey])
    guard case .failed = tampered else {
      Issue.record("an edited export is not shown as failing: \(tampered)")
      return
    }
  }

  @Test("the article shows exactly the tested steps, in order")
  func articleShowsTheTestedCode() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let snippets = DocumentSnippets.snippets(in: source)
    #expect(snippets.count == 7)
    let article = try String(
      contentsOf: root.appending(path: "Docs.docc/Articles/BuildingATool.md"), encoding: .utf8)
    let blocks = DocumentSnippets.swiftBlocks(in: article).filter { !$0.hasPrefix("// Package.swift") }
    #expect(blocks == snippets)
  }
}
