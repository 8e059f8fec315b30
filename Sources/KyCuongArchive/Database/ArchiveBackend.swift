/// The database under an archive. The archive's SQL is one text for both, written through SQLKit, whose
/// dialect decides quoting, placeholders (`?1` / `$1`) and type names (`BLOB` / `BYTEA`); this type holds
/// the few statements where the two databases differ, each with the reason.
public enum ArchiveBackend: String, Hashable, Sendable {
  /// SQLite, embedded (sqlite-nio bundles it): one file, one writer at a time.
  case sqlite
  /// PostgreSQL, a server: many writers at once, row locks.
  case postgresql

  /// How a write transaction starts.
  ///
  /// SQLite: `BEGIN IMMEDIATE` takes the database's write lock at once. A plain (deferred) `BEGIN` would
  /// read first and ask for the lock at the first write; two processes doing that deadlock, and SQLite
  /// answers one of them `SQLITE_BUSY` without waiting. With the lock taken first, a second importer waits
  /// (`busy_timeout`) and then reads what the first committed. PostgreSQL: `BEGIN` at READ COMMITTED;
  /// concurrent importers meet at unique keys and row locks (``lockAuditClause``) instead.
  var beginWrite: String {
    switch self {
    case .sqlite: "BEGIN IMMEDIATE"
    case .postgresql: "BEGIN"
    }
  }

  /// The clause that locks the audit row read before deciding how a document relates to it, so that two
  /// later versions of one audit cannot both replace the same state. SQLite needs none: its write
  /// transaction already excludes every other writer.
  var lockAuditClause: String {
    switch self {
    case .sqlite: ""
    case .postgresql: " FOR UPDATE"
    }
  }

  /// The statement that serialises migrations across processes, run first in the migration's transaction.
  ///
  /// SQLite: none, `BEGIN IMMEDIATE` already holds the one write lock. PostgreSQL: a transaction-scoped
  /// advisory lock, because two sessions running `CREATE TABLE IF NOT EXISTS` at once can still collide in
  /// the catalog (a unique violation on `pg_type`).
  var migrationLock: String? {
    switch self {
    case .sqlite: nil
    case .postgresql: "SELECT pg_advisory_xact_lock(7268506734125830751)"
    }
  }

  /// The query that tells whether a table exists: each database keeps its catalog in its own way
  /// (`sqlite_master`; `to_regclass`, which follows `search_path`).
  func tableExists(_ table: String) -> String {
    switch self {
    case .sqlite: "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '\(table)'"
    case .postgresql:
      "SELECT count(*) AS n FROM (SELECT to_regclass('\(table)') AS t) AS r WHERE t IS NOT NULL"
    }
  }

  /// The prefix that asks the planner for its plan: `EXPLAIN QUERY PLAN` (SQLite), `EXPLAIN` (PostgreSQL).
  var explainPrefix: String {
    switch self {
    case .sqlite: "EXPLAIN QUERY PLAN "
    case .postgresql: "EXPLAIN "
    }
  }

  /// `column` compared byte by byte, for an `ORDER BY` that must agree with Swift's ordering of the same
  /// ASCII ids (the summary sums scores in that order): SQLite compares text as bytes already; PostgreSQL
  /// compares by the database's collation unless told `COLLATE "C"`.
  func binary(_ column: String) -> String {
    switch self {
    case .sqlite: column
    case .postgresql: column + " COLLATE \"C\""
    }
  }
}
