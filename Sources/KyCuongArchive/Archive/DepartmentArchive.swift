import Foundation
import Logging
import SQLKit

/// A Department of Home Affairs' archive of audits: every document received (kept byte for byte), the
/// audits re-derived from them, their items and corrective actions, the team leaders' keys and the import log.
///
/// Named after what it is for — the department's memory of every audit its teams made, across units, teams
/// and years — rather than after its storage, which is either a SQLite file (the embedded default, no set-up)
/// or a PostgreSQL database (the department's server); both hold the same schema and behave the same.
///
/// ```swift
/// let archive = try await DepartmentArchive.open(.resolve(argument: nil))
/// let outcome = try await archive.importDocument(data, fileName: "audit.json", from: "Đoàn 2")
/// print(outcome.summary)
/// await archive.close()
/// ```
///
/// One archive value holds one database connection and runs one operation at a time on it; several importers
/// at once are several archive values (several connections or processes): the database arbitrates.
public actor DepartmentArchive {
  /// Where the archive lives.
  public nonisolated let location: ArchiveLocation
  /// SQLite or PostgreSQL.
  public nonisolated let backend: ArchiveBackend
  /// The schema version of the database (after migrating, ``latestSchemaVersion``).
  public nonisolated let schemaVersion: Int
  let connection: ArchiveConnection
  private var closed = false
  private var busy = false
  private var waiters: [CheckedContinuation<Void, Never>] = []

  /// The schema version this program writes.
  public static var latestSchemaVersion: Int { ArchiveSchema.latestVersion }

  private init(location: ArchiveLocation, connection: ArchiveConnection, schemaVersion: Int) {
    self.location = location
    self.backend = connection.backend
    self.connection = connection
    self.schemaVersion = schemaVersion
  }

  /// Opens the archive at `location`, creating it when it is a SQLite file that does not exist, and brings
  /// its schema up to date (each missing migration in one transaction).
  ///
  /// - Parameters:
  ///   - location: A SQLite file or a PostgreSQL URL (``ArchiveLocation/resolve(argument:environment:)``).
  ///   - program: Who applies migrations, recorded with them (`kycuong 1.4`).
  ///   - logger: Where the drivers log.
  /// - Returns: The open archive, its schema at ``latestSchemaVersion``.
  /// - Throws: ``ArchiveError``: ``ArchiveError/Code/cannotOpen``, ``ArchiveError/Code/schemaTooNew`` (the
  ///   database was written by a newer program; nothing is changed), ``ArchiveError/Code/migrationFailed``.
  public static func open(
    _ location: ArchiveLocation, program: String = "kycuong",
    logger: Logger = Logger(label: "kycuong.archive")
  ) async throws(ArchiveError) -> DepartmentArchive {
    // Once begun, an open runs to its end in a task of its own, which the caller's cancellation does not reach
    // (a cancelled caller gets the archive, to close): both drivers mishandle a cancellation mid-open. SQLite's
    // skips the close of a connection whose set-up was cancelled, then traps on it; PostgreSQL's connect,
    // cancelled during start-up, can wait forever (about one open in a hundred in ArchiveSchemaTests). Every
    // step is bounded without it: the connect by its timeout, a locked file by ``ArchiveConnection/lockWait``.
    let opening = Task { () async -> Result<DepartmentArchive, ArchiveError> in
      do throws(ArchiveError) {
        return .success(try await openNow(location, program: program, logger: logger))
      } catch {
        return .failure(error)
      }
    }
    return try await opening.value.get()
  }

  /// ``open(_:program:logger:)`` in the caller's task.
  private static func openNow(
    _ location: ArchiveLocation, program: String, logger: Logger
  ) async throws(ArchiveError) -> DepartmentArchive {
    let connection = try await ArchiveConnection.open(location, logger: logger)
    do {
      let version = try await ArchiveMigrator.migrate(connection, location: location, program: program)
      return DepartmentArchive(location: location, connection: connection, schemaVersion: version)
    } catch {
      await connection.close()
      throw error
    }
  }

  /// Closes the connection; later calls throw ``ArchiveError/Code/closed``.
  public func close() async {
    await acquire()
    defer { release() }
    guard !closed else { return }
    closed = true
    await connection.close()
  }

  // MARK: - One operation at a time

  private func acquire() async {
    if !busy {
      busy = true
      return
    }
    await withCheckedContinuation { waiters.append($0) }
  }

  private func release() {
    if waiters.isEmpty {
      busy = false
    } else {
      waiters.removeFirst().resume()
    }
  }

  /// Runs `body` with the connection, alone, its errors passed through.
  func exclusive<R: Sendable>(_ body: @Sendable (ArchiveConnection) async throws -> R) async throws -> R {
    await acquire()
    defer { release() }
    guard !closed else { throw ArchiveError(.closed, "the archive \(location) is closed") }
    return try await body(connection)
  }

  /// Runs `body` with the connection, alone; database errors become ``ArchiveError/Code/database`` naming
  /// `what` was being done.
  func withConnection<R: Sendable>(
    _ what: String, _ body: @Sendable (ArchiveConnection) async throws -> R
  ) async throws(ArchiveError) -> R {
    do {
      return try await exclusive(body)
    } catch let error as ArchiveError {
      throw error
    } catch {
      throw ArchiveError(
        .database,
        "\(what) failed in the archive \(location): \(ArchiveConnection.describe(error, file: location.sqliteFile))"
      )
    }
  }
}
