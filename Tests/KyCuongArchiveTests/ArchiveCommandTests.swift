import Foundation
import KyCuong
import KyCuongArchive
import KyCuongIntegrity
import KyCuongTestSupport
import Testing

/// `kycuong archive …` in a folder of its own, on SQLite (`archive.sqlite` there) or on PostgreSQL.
struct ArchiveCLI {
  let folder: URL
  let database: String

  init(_ backend: TestBackend) throws {
    folder = try TestFolder.make()
    switch try backend.freshLocation() {
    case .sqlite: database = folder.appending(path: "archive.sqlite").path
    case let location: database = TestBackend.argument(location)
    }
  }

  /// Runs `kycuong archive SUBCOMMAND … --database DATABASE`.
  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandRun {
    let kycuong = try #require(KyCuongBinary.url)
    return try CommandRun.run(
      kycuong, ["archive"] + arguments + ["--database", database], in: folder, environment: environment)
  }

  /// Writes `data` to `name` in the folder.
  func write(_ data: Data, _ name: String) throws {
    let url = folder.appending(path: name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  func remove() { try? FileManager.default.removeItem(at: folder) }
}

@Suite(
  "kycuong archive, end to end", .enabled(if: KyCuongBinary.url != nil, "needs the kycuong executable"))
struct ArchiveCommandTests {
  @Test(
    "init, import (idempotent, refusals with file and rule, exit statuses), list with filters, show",
    arguments: TestBackend.allCases)
  func importAndList(backend: TestBackend) throws {
    let cli = try ArchiveCLI(backend)
    defer { cli.remove() }
    let made = try cli.run(["init"])
    #expect(made.status == 0, "\(made.error)")
    #expect(made.output.contains("schema version \(DepartmentArchive.latestSchemaVersion)): 0 audits"))
    let audits = (0..<6).map { ArchiveSamples.audit($0, seed: 3) }
    for audit in audits { try cli.write(try ArchiveSamples.sealedExport(audit), "in/\(audit.id).json") }
    let first = try cli.run(["import", "in", "--from", "Đoàn 2"])
    #expect(first.status == 0, "\(first.error)")
    #expect(first.output.components(separatedBy: ": archived ").count - 1 == 6, "\(first.output)")
    #expect(first.error.hasSuffix("6 archived, 0 already archived, 0 refused\n"), "\(first.error)")

    // Again: every file "already archived", said, nothing changes.
    let second = try cli.run(["import", "in"])
    #expect(second.status == 0)
    #expect(second.output.components(separatedBy: ": already archived (received ").count - 1 == 6)
    #expect(second.output.contains(" from Đoàn 2 as "), "\(second.output)")

    // A tampered copy and a file that is no audit: refused, each naming the file and the rule; exit 1.
    let tampered = flippingVisitType(try ArchiveSamples.sealedExport(ArchiveSamples.audit(7, seed: 3)))
    try cli.write(tampered, "bad/tampered.json")
    try cli.write(Data("not an audit\n".utf8), "bad/notes.jsonl")
    let refused = try cli.run(["import", "bad/tampered.json", "bad/notes.jsonl"])
    #expect(refused.status == 1, "\(refused.output) \(refused.error)")
    #expect(
      refused.error.contains(
        "kycuong: bad/tampered.json: refused (integrity): export digest or signature: "
          + "integrity.exportDigest does not match the content"), "\(refused.error)")
    #expect(
      refused.error.contains("kycuong: bad/notes.jsonl: refused (not-an-audit): "), "\(refused.error)")
    #expect(refused.error.hasSuffix("kycuong: 2 of 2 files refused; nothing of them was stored\n"))

    // A bad command line: 64.
    #expect(try cli.run(["list", "--visit-type", "sometimes"]).status == 64)

    let listed = try cli.run(["list", "--format", "json"])
    #expect(listed.status == 0)
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
    #expect(rows.count == 6)
    #expect(
      rows.compactMap { $0["audit"] as? String } == audits.sorted { $0.startedAt < $1.startedAt }.map(\.id))
    #expect(rows.first?["score"] is Double)
    let surprise = audits.filter { $0.header.visitType == .surprise }
    let filtered = try cli.run(["list", "--visit-type", "surprise", "--format", "csv"])
    #expect(filtered.output.split(separator: "\r\n").count == surprise.count + 1, "\(filtered.output)")
    let leader = ArchiveSamples.leader(audits[0])
    let byLeader = try cli.run(["list", "--leader", ArchiveDocument.unitKey(leader).uppercased()])
    #expect(byLeader.output.contains(audits[0].id), "\(byLeader.output)")
    #expect(byLeader.error == "\(audits.filter { $0.header.team.leader == leader }.count) audits\n")
    let unit = audits[1].header.unit.name
    let byUnit = try cli.run(["list", "--unit", ArchiveDocument.unitKey(unit), "--to", "2026-12-31"])
    #expect(byUnit.output.contains(audits[1].id) && byUnit.error == "1 audits\n", "\(byUnit.output)")

    let shown = try cli.run(["show", audits[2].id, "--today", "2026-12-31"])
    #expect(shown.status == 0, "\(shown.error)")
    #expect(shown.output.hasPrefix("Audit \(audits[2].id)\n  unit: \(audits[2].header.unit.name), Hà Nội\n"))
    #expect(
      shown.output.contains("Documents: 1\n  in/\(audits[2].id).json (current): export, first, sealed;"))
    #expect(shown.output.contains(" from Đoàn 2; "))
    let missing = try cli.run(["show", "no-such-audit"])
    #expect(missing.status == 2)
    #expect(missing.error == "kycuong: the archive holds no audit no-such-audit (`kycuong archive list`)\n")
  }

  @Test("keys add, list, revoke; a record of a signed export says the key is registered")
  func keysAndRecord() throws {
    let cli = try ArchiveCLI(.sqlite)
    defer { cli.remove() }
    let an = try ArchiveSamples.key("Nguyễn Văn An", in: cli.folder)
    let added = try cli.run(["keys", "add", an.publicFile.path, "--by", "Sở Nội vụ"])
    #expect(added.status == 0, "\(added.error)")
    #expect(added.output.hasSuffix(": registered\n") && added.output.contains("Nguyễn Văn An"))
    let again = try cli.run(["keys", "add", an.publicFile.path, "--by", "someone"])
    #expect(again.output.contains(": already registered by Sở Nội vụ on "), "\(again.output)")
    let audit = ArchiveSamples.audit(4, seed: 3)
    try cli.write(try ArchiveSamples.signedExport(audit, key: an.key), "signed.json")
    #expect(try cli.run(["import", "signed.json"]).status == 0)

    let record = try cli.run(["record", audit.id, "--lang", "en"])
    #expect(record.status == 0, "\(record.error)")
    let export = try AuditExport(data: try ArchiveSamples.signedExport(audit, key: an.key))
    let fingerprint = try #require(ExportIntegrity.signatureFingerprint(of: export))
    let expected = InspectionRecord(
      export: export,
      authenticity: .signed(
        signer: "Nguyễn Văn An", fingerprint: fingerprint, signedAt: audit.finishedAt ?? audit.startedAt,
        keyTrusted: true)
    ).markdown(language: .en)
    #expect(record.output == expected)
    let html = try cli.run(["record", audit.id, "--format", "html", "-o", "record.html"])
    #expect(
      html.status == 0
        && FileManager.default.fileExists(atPath: cli.folder.appending(path: "record.html").path))
    #expect(try cli.run(["record", audit.id, "--format", "html", "-o", "record.html"]).status == 2)

    let listed = try cli.run(["keys", "list", "--format", "json"])
    let keys = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
    #expect(keys.count == 1 && keys.first?["added_by"] as? String == "Sở Nội vụ")
    #expect(keys.first?["revoked_at"] is NSNull)
    let revoked = try cli.run(["keys", "revoke", fingerprint, "--by", "Sở Nội vụ", "--reason", "máy bị mất"])
    #expect(revoked.status == 0 && revoked.output.hasSuffix(": revoked\n"), "\(revoked.error)")
    let twice = try cli.run(["keys", "revoke", fingerprint, "--reason", "again"])
    #expect(twice.status == 1 && twice.error.contains("was revoked already"), "\(twice.error)")
    try cli.write(try ArchiveSamples.signedExport(ArchiveSamples.audit(5, seed: 3), key: an.key), "late.json")
    let late = try cli.run(["import", "late.json"])
    #expect(late.status == 1)
    #expect(late.error.contains("kycuong: late.json: refused (revoked-key): signed with a revoked key: "))
    // The record archived before the revocation keeps the trust it was given.
    #expect(try cli.run(["record", audit.id, "--lang", "en"]).output == expected)
  }

  @Test(
    "trend as a table and an SVG chart; actions open, overdue, settled; export CSV neutralised and JSON",
    arguments: TestBackend.allCases)
  func trendActionsExport(backend: TestBackend) throws {
    let cli = try ArchiveCLI(backend)
    defer { cli.remove() }
    // Five audits of one ward (the samples cycle through the wards) and one of another.
    let audits = [0, 40, 80, 120, 160, 1].map { ArchiveSamples.audit($0, seed: 9) }
    for audit in audits { try cli.write(try ArchiveSamples.unsealedExport(audit), "in/\(audit.id).json") }
    #expect(try cli.run(["import", "in"]).status == 0)
    let ward = audits[0].header.unit.name

    let table = try cli.run(["trend", "hang bac"])
    #expect(table.status == 0, "\(table.error)")
    let lines = table.output.split(separator: "\n")
    #expect(lines.count == 2 + 5, "\(table.output)")
    #expect(lines.first?.hasPrefix("day") == true && lines.first?.contains("focus_2017_1") == true)
    let wardAudits = audits.prefix(5).sorted { $0.startedAt < $1.startedAt }
    #expect(
      lines.dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true)[1] }
        .map(String.init) == wardAudits.map(\.id))
    let svg = try cli.run(["trend", ward, "--format", "svg", "-o", "trend.svg"])
    #expect(svg.status == 0, "\(svg.error)")
    let chart = try String(contentsOf: cli.folder.appending(path: "trend.svg"), encoding: .utf8)
    #expect(chart.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(chart.components(separatedBy: "<polyline").count - 1 == 4, "overall and three focus areas")
    #expect(chart.contains("<title>\(ward) — sample-office-discipline</title>"))
    let monthly = try cli.run(["trend", ward, "--by", "month", "--format", "json"])
    #expect(monthly.status == 0 && monthly.output.contains("audits\""), "\(monthly.output)")
    let ambiguous = try cli.run(["trend", "UBND"])
    #expect(ambiguous.status == 2 && ambiguous.error.contains("names 2 units"), "\(ambiguous.error)")

    // Actions: the archive's settlement is the summary's.
    let today = "2027-01-01"
    let summary = try ArchiveSamples.summary(
      of: audits, today: CalendarDate(today) ?? CalendarDate(Date(), in: .vietnam))
    let overdue = try cli.run(["actions", "--overdue", "--today", today, "--format", "json"])
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(overdue.output.utf8)) as? [[String: Any]])
    #expect(rows.count == summary.overdueActions.count && !rows.isEmpty)
    #expect(Set(rows.compactMap { $0["audit"] as? String }) == Set(summary.overdueActions.map(\.audit)))
    #expect(rows.allSatisfy { $0["state"] as? String == "overdue" && $0["days_overdue"] is Int })
    let settled = try cli.run(["actions", "--settled", "--today", today])
    #expect(settled.status == 0 && settled.output.contains(" settled "), "\(settled.output)")
    let all = try cli.run(["actions", "--today", "2026-01-01"])
    #expect(all.output.contains(" open ") && !all.output.contains(" overdue "))
    #expect(try cli.run(["actions", "--open", "--overdue"]).status == 64)

    let csv = try cli.run(["export", "actions", "--overdue", "--today", today])
    #expect(csv.status == 0 && csv.output.hasPrefix("\u{FEFF}due,state,days_overdue,unit,"), "\(csv.output)")
    let log = try cli.run(["export", "log", "--format", "json"])
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(log.output.utf8)) as? [[String: Any]])
    #expect(entries.count == audits.count && entries.allSatisfy { $0["outcome"] as? String == "first" })
    let trend = try cli.run(["export", "trend", "--unit", ward])
    #expect(trend.output.split(separator: "\r\n").count == 6, "\(trend.output)")
    #expect(try cli.run(["export", "trend"]).status == 64)
  }

  @Test("CSV fields that a spreadsheet would take for formulas are neutralised")
  func formulaInjection() throws {
    let cli = try ArchiveCLI(.sqlite)
    defer { cli.remove() }
    let audit = ArchiveSamples.audit(2, seed: 5)
    var export = AuditExport(audit)
    export.audit.unit.name = "=HYPERLINK(\"http://x\",\"y\")"
    export.audit.team = InspectionTeam(leader: "+cmd|' /C calc'!A0")
    try cli.write(try export.jsonData(), "evil.json")
    let imported = try cli.run(["import", "evil.json"])
    #expect(imported.status == 0, "\(imported.error)")
    let csv = try cli.run(["export", "audits"])
    let record = try #require(csv.output.split(separator: "\r\n").dropFirst().first)
    #expect(record.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), "\(record)")
    #expect(record.contains(",'+cmd|' /C calc'!A0,"), "\(record)")
    let json = try cli.run(["export", "audits", "--format", "json"])
    #expect(json.output.contains("\"unit\" : \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\""), "\(json.output)")
  }

  @Test("verify: every stored document matches its digest; a changed one is named, exit 1")
  func verify() async throws {
    let cli = try ArchiveCLI(.sqlite)
    defer { cli.remove() }
    let audit = ArchiveSamples.audit(3, seed: 5)
    let data = try ArchiveSamples.unsealedExport(audit)
    try cli.write(data, "a.json")
    #expect(try cli.run(["import", "a.json"]).status == 0)
    let sound = try cli.run(["verify"])
    #expect(sound.status == 0 && sound.error == "1 documents checked: every one matches its digest\n")
    // The planner's plans of the archive's questions, each question named, the per-unit ones on the index.
    let plans = try cli.run(["explain"])
    #expect(plans.status == 0, "\(plans.error)")
    #expect(plans.output.hasPrefix("sqlite: 1 audits, "), "\(plans.output)")
    #expect(plans.output.contains("-- a unit's score trend\nSEARCH audits USING INDEX audits_by_unit"))
    let archive = try await DepartmentArchive.open(.sqlite(URL(fileURLWithPath: cli.database)))
    try await archive.executeForTesting("UPDATE documents SET content = X'7B7D0A'")
    await archive.close()
    let changed = try cli.run(["verify"])
    #expect(changed.status == 1)
    #expect(
      changed.output.hasPrefix("document \(ArchiveDocument.sha256(of: data)): its stored bytes now hash to "))
    #expect(changed.error == "kycuong: 2 problems in 1 stored documents\n", "\(changed.error)")
    let record = try cli.run(["record", audit.id])
    #expect(record.status == 2, "the stored bytes no longer read as an audit: \(record.error)")
  }
}
