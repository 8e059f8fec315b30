import Foundation

/// The folder where kycuong keeps audits (`$XDG_DATA_HOME/kycuong/audits`, else
/// `~/.local/share/kycuong/audits`), and the lookup of an audit by path or by id.
public enum AuditFiles {
  /// The default store folder: `$XDG_DATA_HOME/kycuong/audits`, or `~/.local/share/kycuong/audits` when
  /// `XDG_DATA_HOME` is unset, empty or relative (the XDG Base Directory rule). `home` defaults to `$HOME`.
  public static func defaultFolder(
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
  /// - Throws: ``ReportError/auditNotFound(name:store:)``.
  public static func locate(_ name: String, store: URL) throws(ReportError) -> URL {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory), !isDirectory.boolValue {
      return URL(fileURLWithPath: name)
    }
    for ext in ["jsonl", "json"] {
      let candidate = store.appending(path: "\(name).\(ext)")
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
    }
    throw .auditNotFound(name: name, store: store.path)
  }

  /// Reads the audit `name` (a path or an id in `store`) as an export.
  ///
  /// - Returns: The export and any damage found in a log (a cut-off last line), for the caller to show.
  /// - Throws: ``ReportError`` saying what is wrong.
  public static func load(
    _ name: String, store: URL
  ) throws(ReportError) -> (
    export: AuditExport, damage: [String]
  ) {
    let url = try locate(name, store: store)
    do {
      let document = try AuditDocument.read(contentsOf: url)
      switch document {
      case .log(_, let damage): return (document.export, damage)
      case .export(let export): return (export, [])
      }
    } catch {
      throw .unreadable(file: error.file, reason: error.reason)
    }
  }

  /// Every `*.jsonl` and `*.json` file under `paths` (folders searched recursively), sorted, each once.
  public static func auditFiles(in paths: [URL]) -> [URL] {
    var files: [URL] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
        files.append(path)  // Reported as unreadable by the reader, with the reason.
        continue
      }
      if !isDirectory.boolValue {
        files.append(path)
        continue
      }
      let enumerator = FileManager.default.enumerator(
        at: path, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
      while let url = enumerator?.nextObject() as? URL {
        let ext = url.pathExtension.lowercased()
        guard ext == "json" || ext == "jsonl" else { continue }
        if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
      }
    }
    var seen = Set<String>()
    return files.sorted { $0.path < $1.path }.filter { seen.insert($0.standardizedFileURL.path).inserted }
  }
}
