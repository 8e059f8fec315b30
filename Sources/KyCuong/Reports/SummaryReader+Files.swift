import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SummaryReader {
  /// Every `*.jsonl` and `*.json` file under `paths` (folders searched recursively, hidden files and symbolic
  /// links left out), sorted, each once; a path that does not exist is kept, for the reader to report.
  ///
  /// Folders are listed with `readdir`, whose entries say their type: no file is looked at one by one
  /// (a `stat` each) unless its file system does not say.
  ///
  /// - Parameters:
  ///   - paths: Files and folders.
  ///   - extensions: The endings of the files taken from folders, lower case, without the dot (the archive
  ///     adds `zip`, for bundles).
  /// - Returns: The files, sorted by path, without duplicates; a path given that is not a folder is among
  ///   them as given, whatever its name.
  public static func auditFiles(in paths: [URL], extensions: Set<String> = ["json", "jsonl"]) -> [URL] {
    var files: [URL] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        files.append(path)
        continue
      }
      list(path, extensions: extensions, into: &files)
    }
    var seen = Set<String>()
    return files.map { (path: $0.path, url: $0) }.sorted { $0.path < $1.path }
      .filter { seen.insert($0.url.standardizedFileURL.path).inserted }.map(\.url)
  }

  /// Adds the files in `folder` and below whose ending is one of `extensions` to `files`.
  private static func list(_ folder: URL, extensions: Set<String>, into files: inout [URL]) {
    guard let directory = opendir(folder.path) else { return }
    defer { closedir(directory) }
    var folders: [URL] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard !name.hasPrefix(".") else { continue }
      var type = Int32(entry.pointee.d_type)
      if type == Int32(DT_UNKNOWN) {
        // The file system does not say: ask (without following a link, as for every other entry).
        var info = stat()
        guard lstat(folder.appending(path: name).path, &info) == 0 else { continue }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: type = Int32(DT_DIR)
        case S_IFREG: type = Int32(DT_REG)
        default: continue
        }
      }
      if type == Int32(DT_DIR) {
        folders.append(folder.appending(path: name, directoryHint: .isDirectory))
      } else if type == Int32(DT_REG) {
        if let dot = name.lastIndex(of: "."),
          extensions.contains(name[name.index(after: dot)...].lowercased())
        {
          files.append(folder.appending(path: name, directoryHint: .notDirectory))
        }
      }
    }
    for child in folders { list(child, extensions: extensions, into: &files) }
  }
}
