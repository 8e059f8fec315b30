import Foundation
import KyCuong

extension AuditStore {
  /// The default store folder: `$XDG_DATA_HOME/kycuong/audits`, or `~/.local/share/kycuong/audits` when
  /// `XDG_DATA_HOME` is unset, empty or relative (the XDG Base Directory rule); the REPL writes there and the
  /// reports read there.
  ///
  /// - Parameters:
  ///   - environment: The process environment.
  ///   - home: The home folder; `$HOME` by default.
  /// - Returns: The folder's URL, `kycuong/audits` under the data folder; it is not created here.
  public static func defaultDirectory(
    environment: [String: String] = ProcessInfo.processInfo.environment, home: URL? = nil
  ) -> URL {
    let base: URL
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      base = URL(fileURLWithPath: data, isDirectory: true)
    } else {
      let home =
        home ?? environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
        ?? FileManager.default.homeDirectoryForCurrentUser
      base = home.appending(path: ".local/share", directoryHint: .isDirectory)
    }
    return base.appending(path: "kycuong/audits", directoryHint: .isDirectory)
  }

  /// The file of the audit `name`: `name` itself when it is a file, else `<store>/<name>.jsonl` (the log,
  /// always current), else `<store>/<name>.json` (the export).
  ///
  /// - Parameter name: A path, or an audit id.
  /// - Returns: The file.
  /// - Throws: ``AuditStoreError/auditNotFound(name:directory:)``.
  public func locate(_ name: String) throws(AuditStoreError) -> URL {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory), !isDirectory.boolValue {
      return URL(fileURLWithPath: name)
    }
    for ext in ["jsonl", "json"] {
      let candidate = directory.appending(path: "\(name).\(ext)")
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
    }
    throw .auditNotFound(name: name, directory: directory.path)
  }
}
