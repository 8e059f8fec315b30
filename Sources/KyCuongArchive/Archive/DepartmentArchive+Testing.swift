import SQLKit

extension DepartmentArchive {
  /// Runs `sql` on the archive's connection: for this package's tests, which set up faults (a trigger that
  /// fails, a future schema version) and read the tables directly. Not public.
  package func executeForTesting(_ sql: String) async throws(ArchiveError) {
    try await withConnection("running a test statement") { connection in
      try await connection.sql.raw(SQLQueryString(sql)).run()
    }
  }

  /// The integer in column `n` of the first row of `sql`, for this package's tests.
  package func integerForTesting(_ sql: String) async throws(ArchiveError) -> Int {
    try await withConnection("running a test query") { connection in
      try await connection.sql.raw(SQLQueryString(sql)).first(decodingColumn: "n", as: Int.self) ?? 0
    }
  }
}
