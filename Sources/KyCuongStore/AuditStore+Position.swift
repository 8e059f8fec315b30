import Foundation
import KyCuong

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension AuditStore {
  /// The file that keeps where the inspector was in audit `id`.
  public func positionURL(for id: String) -> URL { directory.appending(path: "\(id).position") }

  /// Saves where the inspector is in audit `id`: written to a new file, then renamed over the old one, so
  /// a reader sees the old position or the new, never half of one (and a link put in its place is replaced,
  /// not followed).
  ///
  /// - Parameters:
  ///   - position: Where the inspector is.
  ///   - id: The audit.
  /// - Throws: ``AuditStoreError/ioFailed(path:reason:)``.
  public func savePosition(_ position: AuditPosition, for id: String) throws(AuditStoreError) {
    try Self.checkID(id)
    let url = positionURL(for: id)
    do {
      let data = try JSONCoding.encoder().encode(position)
      try data.write(to: url, options: .atomic)
    } catch {
      throw .ioFailed(path: url.path, reason: .of(error))
    }
  }

  /// Removes the saved position of audit `id`, for `resume` to find the inspector's place from the log
  /// (after the item of the last change); no file to remove is no error.
  ///
  /// - Parameter id: The audit.
  /// - Throws: ``AuditStoreError/ioFailed(path:reason:)``.
  public func removePosition(for id: String) throws(AuditStoreError) {
    try Self.checkID(id)
    let url = positionURL(for: id)
    guard unlink(url.path) == 0 || errno == ENOENT else {
      throw .ioFailed(path: url.path, reason: .system(code: errno))
    }
  }

  /// Where the inspector was in audit `id`, if it was saved and can be read.
  ///
  /// - Parameter id: The audit.
  /// - Returns: The position, or `nil`.
  public func position(for id: String) -> AuditPosition? {
    guard (try? Self.checkID(id)) != nil,
      let data = try? BoundedFile.read(positionURL(for: id), limit: 4096)
    else { return nil }
    return try? JSONCoding.decoder().decode(AuditPosition.self, from: data)
  }
}
