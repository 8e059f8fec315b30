import Foundation
import KyCuong

extension AuditStore {
  /// Whether `url` names a file in this store's folder, or in any folder that is a store (see
  /// ``isInAStore(_:)``): where a report, an export or a record must never be written, even over an existing
  /// file with `--force`, since a file renamed over a live log takes the answers written after it to a file
  /// nobody reads.
  ///
  /// - Parameter url: A file about to be written.
  /// - Returns: Whether it is in a store.
  public func contains(_ url: URL) -> Bool {
    Self.folder(of: url) == Self.resolved(directory) || Self.isInAStore(url)
  }

  /// Whether `url` names a file in a folder of audit logs: the default store
  /// (``defaultDirectory(environment:home:)``), or a folder holding the store's index (`.index.json`) or a
  /// lock beside a log (`<id>.lock` and `<id>.jsonl`), as every folder the store wrote an audit into does.
  ///
  /// - Parameter url: A file about to be written.
  /// - Returns: Whether it is in a store.
  public static func isInAStore(_ url: URL) -> Bool {
    let folder = folder(of: url)
    if folder == resolved(defaultDirectory()) { return true }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
    let set = Set(names)
    if set.contains(AuditIndex.fileName) { return true }
    return names.contains {
      $0.hasSuffix(".lock") && set.contains(String($0.dropLast(".lock".count)) + ".jsonl")
    }
  }

  /// The path of the folder `url` is in, with links resolved.
  private static func folder(of url: URL) -> String {
    resolved(url.standardizedFileURL.deletingLastPathComponent())
  }

  /// The path of `folder` with links resolved.
  private static func resolved(_ folder: URL) -> String {
    folder.resolvingSymlinksInPath().standardizedFileURL.path
  }
}
