import Foundation
import KyCuong
import KyCuongArchive
import KyCuongTestSupport
import Testing

/// The archive's rows, to show that a fault changed none of them.
private func counts(_ location: ArchiveLocation) async throws -> ArchiveStatistics {
  let archive = try await DepartmentArchive.open(location)
  let statistics = try await archive.statistics()
  await archive.close()
  return statistics
}

@Suite(
  "Bad input and faults: each a clear message naming the file and the rule; nothing archived changes",
  .serialized, .enabled(if: KyCuongBinary.url != nil, "needs the kycuong executable"))
struct ArchiveFaultTests {
  @Test(
    "a duplicate id with other bytes, a forged signature, a broken zip: refused by the command, naming file and rule",
    arguments: TestBackend.allCases)
  func refusals(backend: TestBackend) throws {
    let cli = try ArchiveCLI(backend)
    defer { cli.remove() }
    let audit = ArchiveSamples.audit(12, seed: 8)
    try cli.write(try ArchiveSamples.unsealedExport(audit), "a.json")
    #expect(try cli.run(["import", "a.json"]).status == 0)
    try cli.write(flippingVisitType(try ArchiveSamples.unsealedExport(audit)), "same-id.json")
    let key = try ArchiveSamples.key("Người lạ", in: cli.folder)
    let signed = try ArchiveSamples.signedExport(ArchiveSamples.audit(13, seed: 8), key: key.key)
    let text = String(decoding: signed, as: UTF8.self)
    let value = try #require(text.firstMatch(of: /"value" : "([A-Za-z0-9+\/=]+)"/)?.output.1)
    let forged = value.first == "A" ? "B" + value.dropFirst() : "A" + value.dropFirst()
    try cli.write(Data(text.replacingOccurrences(of: String(value), with: forged).utf8), "forged.json")
    try cli.write(Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 0, count: 60), "field.zip")
    let before = try cli.run(["list", "--format", "json"]).output
    let run = try cli.run(["import", "same-id.json", "forged.json", "field.zip"])
    #expect(run.status == 1)
    #expect(
      run.error.contains(
        "kycuong: same-id.json: refused (conflict): another document holds this audit id: audit \(audit.id) "
          + "is archived from a.json (received "), "\(run.error)")
    #expect(
      run.error.contains(
        "kycuong: forged.json: refused (integrity): export digest or signature: the signature is not valid "
          + "for its digest and key\n"), "\(run.error)")
    #expect(
      run.error.contains(
        "kycuong: field.zip: refused (bundle): the bundle's files against its manifest and its audit: not a "
          + "readable zip archive"),
      "\(run.error)")
    #expect(try cli.run(["list", "--format", "json"]).output == before)
    let log = try cli.run(["export", "log", "--format", "json"])
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(log.output.utf8)) as? [[String: Any]])
    // Files are imported in the order of their paths: field.zip, forged.json, same-id.json.
    #expect(entries.compactMap { $0["rule"] as? String } == ["bundle", "integrity", "conflict"])
  }

  @Test("a standard checklist's version newer than this program's is refused; an older one is archived")
  func unknownChecklistVersion() async throws {
    let standard = try #require(try Catalog.standard["public-office-conduct"])
    func export(version: String) throws -> Data {
      var checklist = standard
      checklist.version = version
      let start = Date(timeIntervalSince1970: 1_790_000_000)
      let header = AuditHeader(
        id: AuditHeader.makeID(unit: "UBND phường Cửa Nam", at: start) + version, checklist: checklist,
        unit: InspectedUnit(name: "UBND phường Cửa Nam", address: "Hà Nội"),
        team: InspectionTeam(leader: "Nguyễn Văn An", members: []), visitType: .surprise)
      return try AuditExport(Audit(header: header, by: "Nguyễn Văn An", at: start)).jsonData()
    }
    try await withArchive(.sqlite) { archive, _ in
      let newer = try await archive.importDocument(
        try export(version: "99.0.0"), fileName: "n.json", from: "x")
      #expect(newer.refusal?.rule == .checklist, "\(newer)")
      #expect(
        newer.refusal?.detail
          == "checklist public-office-conduct version 99.0.0 is unknown to this program, which ships version "
          + "\(standard.version): the document was made by a newer kycuong. Archive it with that version or a "
          + "later one")
      let older = try await archive.importDocument(
        try export(version: "0.9.0"), fileName: "o.json", from: "x")
      #expect(older.receipt?.relation == .first, "\(older)")
    }
  }

  @Test("a database server that is down: exit 2, the location named, no password")
  func serverDown() throws {
    let cli = try ArchiveCLI(.sqlite)
    defer { cli.remove() }
    try cli.write(try ArchiveSamples.unsealedExport(ArchiveSamples.audit(1)), "a.json")
    let kycuong = try #require(KyCuongBinary.url)
    let down = "postgres://so:secret@127.0.0.1:9/archive?sslmode=disable"
    for arguments in [["archive", "import", "a.json"], ["archive", "list"], ["archive", "summary"]] {
      let run = try CommandRun.run(kycuong, arguments + ["--database", down], in: cli.folder)
      #expect(run.status == 2, "\(arguments)")
      #expect(
        run.error.hasPrefix("kycuong: cannot connect to the archive postgres://so:***@127.0.0.1:9/archive"),
        "\(run.error)")
      #expect(!run.error.contains("secret") && run.output.isEmpty)
    }
    // The same through the environment.
    let viaEnvironment = try CommandRun.run(
      kycuong, ["archive", "list"], in: cli.folder, environment: ["KYCUONG_DATABASE_URL": down])
    #expect(viaEnvironment.status == 2 && viaEnvironment.error.contains("127.0.0.1:9"))
    // A read command does not create an archive where there is none.
    let none = try cli.run(["list"])
    #expect(none.status == 2 && none.error.hasPrefix("kycuong: there is no archive at "), "\(none.error)")
    #expect(!FileManager.default.fileExists(atPath: cli.database))
  }

  @Test(
    "a read-only SQLite archive (a read-only bind mount) is read, and refuses an import, changing nothing",
    .enabled(if: SmallDisk.canMount, "needs root to mount"))
  func readOnlySQLite() async throws {
    let cli = try ArchiveCLI(.sqlite)
    defer { cli.remove() }
    for index in 0..<2 {
      try cli.write(try ArchiveSamples.unsealedExport(ArchiveSamples.audit(index)), "in/\(index).json")
    }
    #expect(try cli.run(["import", "in"]).status == 0)
    try cli.write(try ArchiveSamples.unsealedExport(ArchiveSamples.audit(5)), "new.json")
    let view = try TestFolder.make()
    defer {
      _ = SmallDisk.runCommand("/bin/umount", [view.path])
      try? FileManager.default.removeItem(at: view)
    }
    #expect(SmallDisk.bindReadOnly(cli.folder, at: view))
    let database = view.appending(path: "archive.sqlite").path
    let kycuong = try #require(KyCuongBinary.url)
    let listed = try CommandRun.run(
      kycuong, ["archive", "list", "--database", database, "--format", "json"], in: cli.folder)
    #expect(listed.status == 0, "\(listed.error)")
    #expect(listed.output.components(separatedBy: "\"audit\"").count - 1 == 2)
    let refused = try CommandRun.run(
      kycuong, ["archive", "import", "new.json", "--database", database], in: cli.folder)
    #expect(refused.status == 2, "\(refused.output) \(refused.error)")
    #expect(
      refused.error.hasPrefix(
        "kycuong: new.json: not archived: importing new.json failed in the archive \(database): the database "
          + "is read-only"), "\(refused.error)")
    #expect(refused.error.contains("; nothing of it was stored\n"))
    let after = try await counts(.sqlite(URL(fileURLWithPath: cli.database)))
    #expect(after.audits == 2 && after.documents == 2 && after.importLogEntries == 2)
  }

  @Test("a read-only PostgreSQL session (default_transaction_read_only) refuses an import, changing nothing")
  func readOnlyPostgres() async throws {
    let location = try TestBackend.postgresql.freshLocation()
    guard case .postgres(let url, let schema?) = location else { return }
    try await withArchive(location) { archive in
      _ = try await archive.importDocument(
        try ArchiveSamples.unsealedExport(ArchiveSamples.audit(0)), fileName: "a.json", from: "Đoàn 1")
      let role = "ro_" + schema.dropFirst(2)
      for statement in [
        "CREATE ROLE \(role) LOGIN", "ALTER ROLE \(role) SET default_transaction_read_only = on",
        "GRANT ALL ON SCHEMA \(schema) TO \(role)", "GRANT ALL ON ALL TABLES IN SCHEMA \(schema) TO \(role)",
        "GRANT ALL ON ALL SEQUENCES IN SCHEMA \(schema) TO \(role)",
      ] {
        try await archive.executeForTesting(statement)
      }
      let readOnly =
        url.replacingOccurrences(of: "postgres@", with: "\(role)@")
        + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
      let cli = try ArchiveCLI(.sqlite)
      defer { cli.remove() }
      try cli.write(try ArchiveSamples.unsealedExport(ArchiveSamples.audit(1)), "b.json")
      let kycuong = try #require(KyCuongBinary.url)
      let listed = try CommandRun.run(
        kycuong, ["archive", "list", "--database", readOnly, "--format", "csv"], in: cli.folder)
      #expect(listed.status == 0 && listed.output.split(separator: "\r\n").count == 2, "\(listed.error)")
      let refused = try CommandRun.run(
        kycuong, ["archive", "import", "b.json", "--database", readOnly], in: cli.folder)
      #expect(refused.status == 2)
      #expect(
        refused.error.contains(
          "kycuong: b.json: not archived: importing b.json failed in the archive "), "\(refused.error)")
      #expect(
        refused.error.contains(
          "the database is read-only (default_transaction_read_only, or a standby server): cannot execute "),
        "\(refused.error)")
      #expect(
        refused.error.hasSuffix(" in a read-only transaction (SQLSTATE 25006); nothing of it was stored\n"),
        "\(refused.error)")
      let after = try await archive.statistics()
      #expect(after.audits == 1 && after.documents == 1 && after.importLogEntries == 1)
      try await archive.executeForTesting("DROP OWNED BY \(role)")
      try await archive.executeForTesting("DROP ROLE \(role)")
    }
  }

  @Test(
    "a full disk refuses the import with a clear message, loses nothing archived, and the next import completes",
    .enabled(if: SmallDisk.canMount, "needs root to mount a small tmpfs"))
  func fullDisk() async throws {
    let disk = try SmallDisk(kilobytes: 4096)
    defer { disk.unmount() }
    let cli = try ArchiveCLI(.sqlite)
    defer { cli.remove() }
    let database = disk.url.appending(path: "archive.sqlite").path
    let kycuong = try #require(KyCuongBinary.url)
    func archive(_ arguments: [String]) throws -> CommandRun {
      try CommandRun.run(kycuong, ["archive"] + arguments + ["--database", database], in: cli.folder)
    }
    for index in 0..<3 {
      try cli.write(try ArchiveSamples.unsealedExport(ArchiveSamples.audit(index)), "in/\(index).json")
    }
    #expect(try archive(["import", "in"]).status == 0)
    let before = try await counts(.sqlite(URL(fileURLWithPath: database)))
    try cli.write(try ArchiveSamples.unsealedExport(ArchiveSamples.audit(9)), "late.json")
    disk.fill()
    let refused = try archive(["import", "late.json"])
    #expect(refused.status == 2, "\(refused.output) \(refused.error)")
    // The archive cannot even be opened (SQLite's shared-memory file needs room): said so, naming the
    // archive and the cause, before any file is read.
    #expect(
      refused.error.hasPrefix(
        "kycuong: cannot set up the archive \(database): the disk is full: no room to write the database"),
      "\(refused.error)")
    #expect(refused.output.isEmpty)
    disk.unfill()
    #expect(try await counts(.sqlite(URL(fileURLWithPath: database))) == before)
    #expect(try archive(["verify"]).status == 0)
    let again = try archive(["import", "late.json"])
    #expect(again.status == 0 && again.output.contains("late.json: archived "), "\(again.error)")
  }
}
