import Foundation
import KyCuongArchive
import Testing

@Suite("The archive's schema and location")
struct ArchiveSchemaTests {
  @Test(
    "migrations from empty: every table, recorded once; opening again changes nothing",
    arguments: TestBackend.allCases)
  func migrationsFromEmpty(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, location in
      #expect(archive.schemaVersion == DepartmentArchive.latestSchemaVersion)
      #expect(archive.backend.rawValue == backend.rawValue)
      let empty = try await archive.statistics()
      #expect(empty.documents == 0 && empty.audits == 0 && empty.importLogEntries == 0 && empty.keys == 0)
      let recorded = try await archive.integerForTesting("SELECT count(*) AS n FROM archive_migrations")
      #expect(recorded == DepartmentArchive.latestSchemaVersion)
      let again = try await DepartmentArchive.open(location)
      #expect(again.schemaVersion == DepartmentArchive.latestSchemaVersion)
      #expect(try await again.integerForTesting("SELECT count(*) AS n FROM archive_migrations") == recorded)
      await again.close()
    }
  }

  @Test(
    "a database whose schema is newer than the program is refused, with the versions named",
    arguments: TestBackend.allCases)
  func newerSchemaRefused(backend: TestBackend) async throws {
    try await withArchive(backend) { archive, location in
      let future = DepartmentArchive.latestSchemaVersion + 98
      try await archive.executeForTesting(
        "INSERT INTO archive_migrations (version, name, applied_at, program) "
          + "VALUES (\(future), 'from the future', '2031-01-01T00:00:00Z', 'kycuong 9')")
      do throws(ArchiveError) {
        _ = try await DepartmentArchive.open(location)
        Issue.record("a newer schema was opened")
      } catch {
        #expect(error.code == .schemaTooNew)
        #expect(
          error.message.contains(
            "has schema version \(future), newer than this program knows (up to "
              + "\(DepartmentArchive.latestSchemaVersion)): it was written by a later version of kycuong"),
          "\(error.message)")
        #expect(error.message.hasSuffix("this one leaves the archive untouched"))
      }
      // Untouched: still exactly the rows it had (one per migration, and the future one).
      #expect(
        try await archive.integerForTesting("SELECT count(*) AS n FROM archive_migrations")
          == DepartmentArchive.latestSchemaVersion + 1)
    }
  }

  /// Several rounds, each on a new archive: switching a new SQLite file to WAL while others do the same failed as
  /// "locked" at once about once in a hundred opens, bypassing SQLite's busy handler; one round rarely showed it.
  @Test("four first opens at once migrate once", arguments: TestBackend.allCases)
  func concurrentFirstOpens(backend: TestBackend) async throws {
    for _ in 0..<(backend == .sqlite ? 30 : 3) {
      let location = try backend.freshLocation()
      let versions = try await withThrowingTaskGroup(of: Int.self) { group in
        for _ in 0..<4 {
          group.addTask {
            let archive = try await DepartmentArchive.open(location)
            let version = archive.schemaVersion
            await archive.close()
            return version
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(versions == Array(repeating: DepartmentArchive.latestSchemaVersion, count: 4))
      let recorded = try await withArchive(location) { archive in
        try await archive.integerForTesting("SELECT count(*) AS n FROM archive_migrations")
      }
      #expect(recorded == DepartmentArchive.latestSchemaVersion)
    }
  }

  /// A task cancelled while it opens an archive (a sibling in a task group failed; a command interrupted) used to
  /// leave SQLite's connection unclosed when the cancellation fell between opening the file and setting it up:
  /// the set-up failed as cancelled and so did the close meant to clean up, and the driver traps on a connection
  /// that goes unclosed. Cancelled at every moment of an open, each either opens (and is closed) or fails with
  /// ``ArchiveError``; the archive is whole afterwards. On PostgreSQL, a connect cancelled during start-up could
  /// wait forever: the time limit makes a hang a failure. (An open now runs to its end once begun, so each
  /// opens; the test holds whatever the way an open meets a cancellation.) The limit is for a hang, not a busy
  /// machine: both backends' 240 opens take about 6 s here, and took over two minutes once with three builds
  /// beside them.
  @Test(
    "an open cancelled at any moment is closed or refused, never left open", .timeLimit(.minutes(5)),
    arguments: TestBackend.allCases)
  func cancelledOpens(backend: TestBackend) async throws {
    let location = try backend.freshLocation()
    // The first open creates the file and migrates it; the later ones only open and set up.
    let first = try await DepartmentArchive.open(location)
    await first.close()
    var opened = 0
    var refused = 0
    for attempt in 0..<120 {
      let task = Task { () throws(ArchiveError) -> DepartmentArchive in
        try await DepartmentArchive.open(location)
      }
      // From at once to well past the time an open takes here (a few milliseconds on SQLite, tens on a
      // server, for the connection's start-up and authentication), so that every step of it is hit.
      try await Task.sleep(for: .microseconds(attempt % 40 * (backend == .sqlite ? 50 : 500)))
      task.cancel()
      switch await task.result {
      case .success(let archive):
        opened += 1
        await archive.close()
      case .failure:
        refused += 1
      }
    }
    #expect(opened + refused == 120)
    try await withArchive(location) { archive in
      #expect(archive.schemaVersion == DepartmentArchive.latestSchemaVersion)
    }
    print("◇ cancelled opens (\(backend.rawValue)): \(opened) opened, \(refused) refused")
  }

  @Test("the location: an argument, else KYCUONG_DATABASE_URL, else the XDG data folder")
  func locations() throws {
    let home = ["HOME": "/home/an"]
    #expect(
      try ArchiveLocation.resolve(argument: nil, environment: home)
        == .sqlite(URL(fileURLWithPath: "/home/an/.local/share/kycuong/archive.sqlite")))
    #expect(
      try ArchiveLocation.resolve(argument: nil, environment: home.merging(["XDG_DATA_HOME": "/data"]) { $1 })
        == .sqlite(URL(fileURLWithPath: "/data/kycuong/archive.sqlite")))
    // A relative XDG_DATA_HOME is ignored, as the XDG rule says.
    #expect(
      try ArchiveLocation.resolve(argument: nil, environment: home.merging(["XDG_DATA_HOME": "data"]) { $1 })
        == .sqlite(URL(fileURLWithPath: "/home/an/.local/share/kycuong/archive.sqlite")))
    let server = home.merging(["KYCUONG_DATABASE_URL": "postgres://so@db.internal/archive"]) { $1 }
    #expect(
      try ArchiveLocation.resolve(argument: nil, environment: server)
        == .postgres(url: "postgres://so@db.internal/archive", schema: nil))
    #expect(
      try ArchiveLocation.resolve(argument: "/tmp/a.sqlite", environment: server)
        == .sqlite(URL(fileURLWithPath: "/tmp/a.sqlite")))
    #expect(
      try ArchiveLocation("postgresql://so:secret@db:5433/archive?sslmode=require&schema=hanoi")
        == .postgres(url: "postgresql://so:secret@db:5433/archive?sslmode=require", schema: "hanoi"))
    #expect(
      try ArchiveLocation("postgres://so:secret@db/archive").description == "postgres://so:***@db/archive")
    #expect(throws: ArchiveError.self) { try ArchiveLocation("mysql://db/archive") }
    do throws(ArchiveError) {
      _ = try ArchiveLocation("mysql://u:pw@db/archive")
    } catch {
      #expect(
        error.message
          == "mysql://u:***@db/archive: an archive is a SQLite file path or a postgres:// URL, not this scheme"
      )
    }
  }

  @Test("a server that is not there: a clear message naming the location, no password")
  func serverDown() async throws {
    // Port 9 (discard) on loopback: nothing listens there.
    do throws(ArchiveError) {
      _ = try await DepartmentArchive.open(
        try ArchiveLocation("postgres://so:secret@127.0.0.1:9/archive?sslmode=disable"))
      Issue.record("opened an archive on a closed port")
    } catch {
      #expect(error.code == .cannotOpen)
      #expect(
        error.message.hasPrefix("cannot connect to the archive postgres://so:***@127.0.0.1:9/archive"),
        "\(error.message)")
      #expect(!error.message.contains("secret"))
    }
  }
}
