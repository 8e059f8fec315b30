import Foundation
import KyCuongArchive
import Testing

/// The two databases every archive test runs on. PostgreSQL needs `KYCUONG_TEST_DATABASE_URL` (set by
/// `Scripts/with-postgres.sh`, which `make test` runs the suite under); without it its cases are cancelled,
/// visibly, with the reason.
enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case sqlite
  case postgresql

  var testDescription: String { rawValue }

  static let postgresURL: String? = {
    let url = ProcessInfo.processInfo.environment["KYCUONG_TEST_DATABASE_URL"]
    return url?.isEmpty == false ? url : nil
  }()

  /// A new, empty archive location: a SQLite file in a new folder, or a new PostgreSQL schema.
  func freshLocation() throws -> ArchiveLocation {
    switch self {
    case .sqlite:
      return .sqlite(try TestFolder.make().appending(path: "archive.sqlite"))
    case .postgresql:
      guard let url = Self.postgresURL else {
        // In CI (`.ci/run` sets CI=true) both backends must run: `make test` runs the suite under
        // Scripts/with-postgres.sh, so a missing URL there is a broken harness, not a reason to skip.
        if ProcessInfo.processInfo.environment["CI"] == "true" {
          Issue.record(
            "CI=true but KYCUONG_TEST_DATABASE_URL is not set: run the tests under Scripts/with-postgres.sh")
        }
        print(
          "◇ PostgreSQL case skipped: KYCUONG_TEST_DATABASE_URL is not set (run under Scripts/with-postgres.sh)"
        )
        try Test.cancel(
          "PostgreSQL: KYCUONG_TEST_DATABASE_URL is not set; run under Scripts/with-postgres.sh")
      }
      let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
      return .postgres(url: url, schema: String(schema))
    }
  }

  /// The location as `--database` takes it.
  static func argument(_ location: ArchiveLocation) -> String {
    switch location {
    case .sqlite(let url): return url.path
    case .postgres(let url, let schema):
      guard let schema else { return url }
      return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }
  }
}

/// Temporary folders, removed at the end of the process.
enum TestFolder {
  static func make() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "kycuong-archive-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// Opens a fresh archive for `backend`, runs `body`, closes it (and drops a PostgreSQL test schema).
func withArchive<R>(
  _ backend: TestBackend, _ body: (DepartmentArchive, ArchiveLocation) async throws -> R
) async throws -> R {
  let location = try backend.freshLocation()
  let archive = try await DepartmentArchive.open(location)
  do {
    let result = try await body(archive, location)
    await dispose(archive, location)
    return result
  } catch {
    await dispose(archive, location)
    throw error
  }
}

/// Opens the archive at `location` (made by the test), runs `body`, closes and removes it.
func withArchive<R>(
  _ location: ArchiveLocation, _ body: (DepartmentArchive) async throws -> R
) async throws -> R {
  let archive = try await DepartmentArchive.open(location)
  do {
    let result = try await body(archive)
    await dispose(archive, location)
    return result
  } catch {
    await dispose(archive, location)
    throw error
  }
}

private func dispose(_ archive: DepartmentArchive, _ location: ArchiveLocation) async {
  if case .postgres(_, let schema?) = location {
    let drop = "DROP SCHEMA \"\(schema)\" CASCADE"
    do {
      try await archive.executeForTesting(drop)
    } catch {
      // The test closed its archive: drop the schema through a new connection.
      if let again = try? await DepartmentArchive.open(location) {
        try? await again.executeForTesting(drop)
        await again.close()
      }
    }
  }
  await archive.close()
  if case .sqlite(let url) = location {
    try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
  }
}

/// The `kycuong` executable built beside the tests (`swift build` and `swift test` build it), which the tests
/// run as a child process: `kycuong archive import` in two processes at once, killed mid-import.
enum KyCuongBinary {
  static let url: URL? = {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL,
      Bundle.main.bundleURL.deletingLastPathComponent(),
    ].map { $0.appending(path: "kycuong") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// `kycuong archive import` of `files` into the archive at `location`, with `options` before the files.
  static func importing(
    _ files: [URL], into location: ArchiveLocation, options: [String] = []
  ) throws
    -> ChildProcess
  {
    guard let url else { throw CancellationError() }
    return try ChildProcess(
      url, ["archive", "import", "--database", TestBackend.argument(location)] + options + files.map(\.path))
  }
}
