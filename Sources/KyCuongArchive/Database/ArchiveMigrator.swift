import Foundation
import SQLKit

/// Applies ``ArchiveSchema``'s migrations: reads the recorded version first, without writing (a read-only
/// archive that is up to date opens), refuses a newer schema, and applies what is missing in one transaction
/// that also records each migration in `archive_migrations`.
enum ArchiveMigrator {
  /// The version after migrating.
  static func migrate(
    _ connection: ArchiveConnection, location: ArchiveLocation, program: String
  ) async throws(ArchiveError) -> Int {
    let latest = ArchiveSchema.latestVersion
    let found: Int
    do {
      found = try await connection.waitingForLock {
        try await recordedVersion(connection.sql, backend: connection.backend)
      }
    } catch {
      throw ArchiveError(
        .cannotOpen,
        "cannot read the schema version of the archive \(location): "
          + ArchiveConnection.describe(error))
    }
    if found > latest { throw tooNew(found, location: location) }
    if found == latest { return latest }
    do {
      return try await connection.writeTransaction { db in
        if let lock = connection.backend.migrationLock { try await db.raw(SQLQueryString(lock)).run() }
        try await db.create(table: "archive_migrations").ifNotExists()
          .column("version", type: .int, .primaryKey(autoIncrement: false))
          .column("name", type: .text, .notNull)
          .column("applied_at", type: .text, .notNull)
          .column("program", type: .text, .notNull)
          .run()
        // Again inside the lock: another process may have migrated meanwhile.
        let applied = try await recordedVersion(db, backend: connection.backend)
        if applied > latest { throw tooNew(applied, location: location) }
        for migration in ArchiveSchema.migrations where migration.version > applied {
          try await migration.apply(db)
          try await db.insert(into: "archive_migrations")
            .columns("version", "name", "applied_at", "program")
            .values(migration.version, migration.name, ArchiveTime.string(Date()), program)
            .run()
        }
        return latest
      }
    } catch let error as ArchiveError {
      throw error
    } catch {
      throw ArchiveError(
        .migrationFailed,
        "cannot bring the archive \(location) from schema version \(found) to \(latest): "
          + "\(ArchiveConnection.describe(error)); nothing was changed")
    }
  }

  /// The highest recorded migration, 0 for a database without the table.
  static func recordedVersion(_ db: any SQLDatabase, backend: ArchiveBackend) async throws -> Int {
    let exists =
      try await db.raw(SQLQueryString(backend.tableExists("archive_migrations")))
      .first(decodingColumn: "n", as: Int.self) ?? 0
    guard exists > 0 else { return 0 }
    return try await db.raw("SELECT MAX(version) AS v FROM archive_migrations")
      .first(decodingColumn: "v", as: Int?.self).flatMap { $0 } ?? 0
  }

  private static func tooNew(_ found: Int, location: ArchiveLocation) -> ArchiveError {
    ArchiveError(
      .schemaTooNew,
      "the archive \(location) has schema version \(found), newer than this program knows (up to "
        + "\(ArchiveSchema.latestVersion)): it was written by a later version of kycuong. Use that version or a "
        + "newer one; this one leaves the archive untouched")
  }
}
