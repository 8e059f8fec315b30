/// The archive itself cannot do what was asked: it cannot be opened, its schema is newer than this program,
/// the database failed. (A document that is refused is not an error of the archive: see ``ImportRefusal``.)
///
/// The cases can grow without breaking callers; compare with the static members:
/// `error.code == .schemaTooNew`.
public struct ArchiveError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of failure.
  public var code: Code
  /// What happened and what to do.
  public var message: String

  /// Creates an error.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  /// The message.
  public var description: String { message }

  /// The kinds of failure.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    let name: String

    /// The location is not a SQLite path or a `postgres://` URL, or the URL is malformed.
    public static let badLocation = Code(name: "bad-location")
    /// The database could not be opened or reached.
    public static let cannotOpen = Code(name: "cannot-open")
    /// The database was made by a newer version of the program; this one refuses to touch it.
    public static let schemaTooNew = Code(name: "schema-too-new")
    /// A migration failed; the database is left as it was before it.
    public static let migrationFailed = Code(name: "migration-failed")
    /// A query failed (the database is down, read-only, full, or refused the statement).
    public static let database = Code(name: "database")
    /// A key file cannot be read or a key is unknown.
    public static let key = Code(name: "key")
    /// The archive was closed.
    public static let closed = Code(name: "closed")

    /// The code's name (`schema-too-new`).
    public var description: String { name }
  }
}
