import Foundation

/// Where an archive lives: a SQLite file (the embedded default, zero set-up) or a PostgreSQL database (a
/// department's server).
///
/// ```swift
/// let location = try ArchiveLocation.resolve(argument: nil)   // $KYCUONG_DATABASE_URL, else the SQLite default
/// let server = try ArchiveLocation("postgres://kycuong@db.internal/archive")
/// ```
public enum ArchiveLocation: Hashable, Sendable, CustomStringConvertible {
  /// A SQLite database file; created with its folder when missing.
  case sqlite(URL)
  /// A PostgreSQL database by its URL (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…]`), and
  /// the schemas to use (`search_path`); `nil` for the server's default (`public`).
  case postgres(url: String, schema: String?)

  /// The environment variable naming a PostgreSQL archive: `KYCUONG_DATABASE_URL`.
  public static let environmentVariable = "KYCUONG_DATABASE_URL"

  /// A location from text: a `postgres://` or `postgresql://` URL (a `schema` query item chooses the schema),
  /// else a path to a SQLite file.
  ///
  /// - Throws: ``ArchiveError`` with code ``ArchiveError/Code/badLocation`` for a URL of another scheme.
  public init(_ text: String) throws(ArchiveError) {
    let lower = text.lowercased()
    if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
      guard var components = URLComponents(string: text), components.host?.isEmpty == false else {
        throw ArchiveError(
          .badLocation, "\(Self.redacted(text)) is not a PostgreSQL URL: postgres://USER@HOST[:PORT]/DATABASE"
        )
      }
      let schema = components.queryItems?.last { $0.name == "schema" }?.value
      components.queryItems = components.queryItems?.filter { $0.name != "schema" }
      if components.queryItems?.isEmpty == true { components.queryItems = nil }
      self = .postgres(url: components.string ?? text, schema: schema)
    } else if lower.contains("://") {
      throw ArchiveError(
        .badLocation,
        "\(Self.redacted(text)): an archive is a SQLite file path or a postgres:// URL, not this scheme")
    } else {
      self = .sqlite(URL(fileURLWithPath: text))
    }
  }

  /// The location to use: `argument` when given, else `$KYCUONG_DATABASE_URL` when set and not empty, else
  /// ``defaultSQLiteFile(environment:)``.
  public static func resolve(
    argument: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(ArchiveError) -> ArchiveLocation {
    if let argument, !argument.isEmpty { return try ArchiveLocation(argument) }
    if let url = environment[environmentVariable], !url.isEmpty { return try ArchiveLocation(url) }
    return .sqlite(defaultSQLiteFile(environment: environment))
  }

  /// `$XDG_DATA_HOME/kycuong/archive.sqlite`, or `~/.local/share/kycuong/archive.sqlite` when
  /// `XDG_DATA_HOME` is unset, empty or relative (the XDG Base Directory rule).
  public static func defaultSQLiteFile(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    let base: URL
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      base = URL(fileURLWithPath: data, isDirectory: true)
    } else {
      let home =
        environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
        ?? FileManager.default.homeDirectoryForCurrentUser
      base = home.appending(path: ".local/share", directoryHint: .isDirectory)
    }
    return base.appending(path: "kycuong/archive.sqlite")
  }

  /// The location for messages, with any password replaced by `***`.
  public var description: String {
    switch self {
    case .sqlite(let url): url.path
    case .postgres(let url, let schema): Self.redacted(url) + (schema.map { " (schema \($0))" } ?? "")
    }
  }

  /// The SQLite file, for a SQLite archive.
  var sqliteFile: URL? {
    if case .sqlite(let url) = self { return url }
    return nil
  }

  /// `text` with the password of a URL replaced by `***`.
  static func redacted(_ text: String) -> String {
    guard var components = URLComponents(string: text), components.password != nil else { return text }
    components.password = "***"
    return components.string ?? text
  }
}
