import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// One connection to an archive's database, as a SQLKit database, with transactions.
///
/// A connection runs one statement at a time; ``DepartmentArchive`` makes sure one task at a time uses it.
final class ArchiveConnection: @unchecked Sendable {
  let backend: ArchiveBackend
  let sql: any SQLDatabase
  private let closer: @Sendable () -> EventLoopFuture<Void>
  private let lock = NSLock()
  private var closed = false

  private init(
    backend: ArchiveBackend, sql: any SQLDatabase, closer: @escaping @Sendable () -> EventLoopFuture<Void>
  ) {
    self.backend = backend
    self.sql = sql
    self.closer = closer
  }

  /// A connection dropped without ``close()`` (a task that failed before closing its archive) is closed
  /// here, without waiting: both drivers insist that a connection is closed before it goes.
  deinit {
    if !closed { _ = closer() }
  }

  /// Opens a connection to `location`, creating a SQLite file (and its folder) when missing.
  static func open(
    _ location: ArchiveLocation, logger: Logger
  ) async throws(ArchiveError) -> ArchiveConnection {
    switch location {
    case .sqlite(let url): return try await openSQLite(url, logger: logger)
    case .postgres(let url, let schema): return try await openPostgres(url, schema: schema, logger: logger)
    }
  }

  private static func openSQLite(_ url: URL, logger: Logger) async throws(ArchiveError) -> ArchiveConnection {
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw ArchiveError(
        .cannotOpen, "cannot create the folder of the archive \(url.path): \(error.localizedDescription)")
    }
    // A thread of its own: SQLite's calls block their thread, a writer waiting for the lock included
    // (busy_timeout). On a shared pool (NIO's has one thread per core), connections waiting for the lock
    // could hold every thread while the one holding the lock waits for a thread to commit on.
    let threads = NIOThreadPool(numberOfThreads: 1)
    threads.start()
    // An archive that cannot be written (a read-only mount, a file without write permission) is opened
    // immutable: nobody can change it under this connection, and SQLite then needs neither a lock nor the
    // WAL's shared-memory file, which it could not create there. Reading works; a write fails as read-only.
    let folder = url.deletingLastPathComponent().path
    let readOnly =
      FileManager.default.fileExists(atPath: url.path)
      && !(FileManager.default.isWritableFile(atPath: url.path)
        && FileManager.default.isWritableFile(atPath: folder))
    let path =
      readOnly
      ? "file:\(url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url.path)?immutable=1"
      : url.path
    let connection: SQLiteConnection
    do {
      connection = try await SQLiteConnection.open(
        storage: .file(path: path), threadPool: threads, logger: logger,
        on: MultiThreadedEventLoopGroup.singleton.any())
    } catch {
      try? await threads.shutdownGracefully()
      throw ArchiveError(.cannotOpen, "cannot open the archive \(url.path): \(describe(error, file: url))")
    }
    // Wrapped at once, so that every way out closes it through ``close()``: SQLite's own asynchronous close
    // is skipped in a cancelled task (its thread pool drops cancelled work), and the driver traps on a
    // connection that goes unclosed. A set-up cancelled along with its task is the way out this guards.
    let opened = ArchiveConnection(backend: .sqlite, sql: connection.sql(queryLogLevel: nil)) {
      connection.close().always { _ in threads.shutdownGracefully { _ in } }
    }
    do {
      // WAL: readers do not block the writer, and a commit is one append. FULL: each commit is on disk
      // before it returns (an archive of records). While the connection switches a new file to WAL, other
      // first opens wait on SQLite's busy handler (busy_timeout replaces sqlite-nio's, which spins). Then the
      // handler is cleared: the bundled SQLite is built without usleep, so its handler sleeps whole seconds,
      // and a writer that wakes once a second loses the lock, again and again, to writers that are awake.
      // Writers wait in ``writeTransaction(_:)`` instead, in short, jittered steps. The busy handler does not
      // cover everything: switching to WAL while other first opens do the same can fail as locked at once
      // (seen with four at once), so each statement is also run again while the file is locked.
      for pragma in [
        "PRAGMA busy_timeout = 60000", readOnly ? nil : "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 0",
      ].compactMap({ $0 }) {
        try await opened.runWaitingForLock(SQLQueryString(pragma))
      }
    } catch {
      await opened.close()
      throw ArchiveError(.cannotOpen, "cannot set up the archive \(url.path): \(describe(error, file: url))")
    }
    return opened
  }

  private static let connectionIDs = IDCounter()

  private static func openPostgres(
    _ url: String, schema: String?, logger: Logger
  ) async throws(ArchiveError) -> ArchiveConnection {
    let configuration: SQLPostgresConfiguration
    do {
      configuration = try SQLPostgresConfiguration(url: url)
    } catch {
      throw ArchiveError(
        .badLocation,
        "\(ArchiveLocation.redacted(url)) is not a PostgreSQL URL the driver reads: "
          + "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]")
    }
    let connection: PostgresConnection
    do {
      connection = try await PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration.coreConfiguration,
        id: connectionIDs.next(), logger: logger)
    } catch {
      throw ArchiveError(
        .cannotOpen, "cannot connect to the archive \(ArchiveLocation.redacted(url)): \(describe(error))")
    }
    // Wrapped at once, as a SQLite connection is: whatever fails next, it is closed, not dropped.
    // The connection is kept until its close completes: PostgresNIO traps on one released while closing.
    let opened = ArchiveConnection(backend: .postgresql, sql: connection.sql(queryLogLevel: nil)) {
      connection.close().always { _ in _ = connection }
    }
    let sql = opened.sql
    if let schema {
      do {
        // Created only when missing: a read-only session (default_transaction_read_only, a standby) may
        // read an existing archive, and CREATE SCHEMA IF NOT EXISTS is a write even when the schema exists.
        let exists =
          try await sql.raw("SELECT 1 AS found FROM pg_namespace WHERE nspname = \(bind: schema)")
          .first() != nil
        if !exists {
          do {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
          } catch let error where isRetryable(error) {
            // Another session created it at the same moment (IF NOT EXISTS does not cover that race).
          }
        }
        try await sql.raw("SET search_path TO \(ident: schema)").run()
      } catch {
        await opened.close()
        throw ArchiveError(.cannotOpen, "cannot use the schema \(schema): \(describe(error))")
      }
    }
    return opened
  }

  /// Closes the connection.
  func close() async {
    let first = lock.withLock {
      defer { closed = true }
      return !closed
    }
    if first { try? await closer().get() }
  }

  /// How long a writer waits for SQLite's write lock before it gives up with "database is locked".
  static let lockWait: Duration = .seconds(60)

  /// Runs `body` in a write transaction: committed when it returns, rolled back when it throws.
  ///
  /// On SQLite the transaction takes the write lock first (`BEGIN IMMEDIATE`); while another writer holds
  /// it, it tries again after a short random pause (1 ms at first, doubling up to 50 ms) for up to
  /// ``lockWait``, so that waiting writers take turns.
  func writeTransaction<R: Sendable>(
    _ body: (any SQLDatabase) async throws -> R
  ) async throws -> R {
    try await runWaitingForLock(SQLQueryString(backend.beginWrite))
    let result: R
    do {
      result = try await body(sql)
    } catch {
      try? await sql.raw("ROLLBACK").run()
      throw error
    }
    do {
      try await sql.raw("COMMIT").run()
    } catch {
      try? await sql.raw("ROLLBACK").run()
      throw error
    }
    return result
  }

  /// Runs `statement`, again while the file is locked (``waitingForLock(_:)``).
  private func runWaitingForLock(_ statement: SQLQueryString) async throws {
    try await waitingForLock { try await sql.raw(statement).run() }
  }

  /// Runs `body`; while SQLite says another connection holds the lock, runs it again after a short random pause
  /// (1 ms at first, doubling up to 50 ms) for up to ``lockWait``, so that waiting connections take turns.
  ///
  /// Besides taking the write lock, a first open needs it: while another connection switches a new file to WAL,
  /// even reading its schema fails as locked at once.
  func waitingForLock<R>(_ body: () async throws -> R) async throws -> R {
    let clock = ContinuousClock()
    let deadline = clock.now + Self.lockWait
    var pause = 1
    while true {
      do {
        return try await body()
      } catch let error where Self.isBusy(error) && clock.now < deadline {
        try await Task.sleep(for: .milliseconds(Int.random(in: 1...pause)))
        pause = min(pause * 2, 50)
      }
    }
  }

  /// Whether `error` is a collision with a concurrent writer that running the transaction again resolves:
  /// a unique key another transaction inserted meanwhile, a serialisation failure, a deadlock.
  static func isRetryable(_ error: any Error) -> Bool {
    if let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] {
      return ["23505", "40001", "40P01"].contains(state)
    }
    if let error = error as? SQLiteError {
      switch error.reason {
      case .constraintUniqueFailed, .constraintPrimaryKeyFailed: return true
      default: return false
      }
    }
    return false
  }

  /// Whether `error` is SQLite's "database is locked": another connection holds the write lock.
  static func isBusy(_ error: any Error) -> Bool {
    guard let error = error as? SQLiteError else { return false }
    switch error.reason {
    case .busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked: return true
    default: return false
    }
  }

  /// A database error in words: PostgreSQL's message and SQLSTATE, SQLite's reason and message.
  static func describe(_ error: any Error, file: URL? = nil) -> String {
    if let error = error as? PSQLError {
      if let info = error.serverInfo, let message = info[.message] {
        let cause = info[.sqlState].flatMap(postgresCause).map { "\($0): " } ?? ""
        return cause + message + (info[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
          + (info[.detail].map { "; \($0)" } ?? "")
      }
      if let underlying = error.underlying { return "\(error.code): \(underlying)" }
      return "\(error.code)"
    }
    if let error = error as? SQLiteError {
      // SQLite reports a full disk as SQLITE_FULL only for the database's own pages; creating or growing
      // the WAL's shared-memory file there fails as a mere I/O error: the file system says which it is.
      let full = file.map { isFull(folderOf: $0) } ?? false
      let cause = full ? "the disk is full: no room to write the database" : sqliteCause(error.reason)
      return cause.map { "\($0) (SQLite: \(error.message))" } ?? "SQLite: \(error.message)"
    }
    if let error = error as? ArchiveError { return error.message }
    return String(describing: error)
  }

  /// Whether the file system holding `file` has no room left (under 64 KiB free: less than SQLite's
  /// shared-memory file needs).
  private static func isFull(folderOf file: URL) -> Bool {
    let folder = file.deletingLastPathComponent().path
    guard let attributes = try? FileManager.default.attributesOfFileSystem(forPath: folder),
      let free = (attributes[.systemFreeSize] as? NSNumber)?.int64Value
    else { return false }
    return free < 64 * 1024
  }

  /// What a PostgreSQL error class means for the person running the command.
  private static func postgresCause(_ state: String) -> String? {
    switch state {
    case "25006": "the database is read-only (default_transaction_read_only, or a standby server)"
    case "53100": "the database server's disk is full"
    case "57P01", "57P02", "57P03": "the database server is shutting down or starting"
    case "42501": "the database user may not do this (permissions)"
    default: state.hasPrefix("08") ? "the connection to the database server failed" : nil
    }
  }

  /// What an SQLite failure means for the person running the command.
  private static func sqliteCause(_ reason: SQLiteError.Reason) -> String? {
    switch reason {
    case .readOnly, .readonlyInRecovery, .readonlyCantLock, .readonlyInRollback, .readonlyBackingMoved,
      .readonlyDirectory:
      "the database is read-only: its file or folder cannot be written (a read-only mount, or permissions)"
    case .full: "the disk is full: no room to write the database"
    case .busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked:
      "the database stayed locked by another writer for \(lockWait)"
    case .cantOpen, .cantOpenDirectory, .cantOpenInvalidPath, .cantOpenUnfollowedSymlink:
      "the database file cannot be opened"
    case .ioError, .ioErrorFailedRead, .ioErrorIncompleteRead, .ioErrorFailedWrite, .ioErrorFailedSync,
      .ioErrorFailedDirSync:
      "the disk failed to read or write"
    case .corrupt, .notADatabase: "the file is not a sound SQLite database"
    default: nil
    }
  }
}

/// Connection ids for PostgreSQL's log lines.
private final class IDCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func next() -> Int {
    lock.withLock {
      value += 1
      return value
    }
  }
}
