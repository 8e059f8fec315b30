import Foundation
import KyCuongModel
import KyCuongSupport

/// A file kept as evidence (a photo of the posting board, a scanned register page): where it was, its size
/// and its SHA-256, so anyone can later show it is the same file.
public struct Attachment: Hashable, Sendable, Codable {
  /// The file's path when it was attached.
  public var path: String
  /// Size in bytes.
  public var size: Int64
  /// SHA-256 of the contents, 64 lower-case hex digits.
  public var sha256: String
  /// Who attached it.
  public var by: String
  /// When.
  public var at: Date

  /// Creates an attachment record.
  public init(path: String, size: Int64, sha256: String, by: String, at: Date) {
    self.path = path
    self.size = size
    self.sha256 = sha256
    self.by = by
    self.at = at
  }

  /// The file name, without its folder.
  public var name: String { URL(fileURLWithPath: path).lastPathComponent }

  /// Reads the file at `url` and records its size and digest.
  ///
  /// - Throws: ``AuditError/attachmentUnreadable(path:problem:)`` when it is missing, a folder or unreadable.
  public static func make(fileAt url: URL, by: String, at: Date) throws(AuditError) -> Attachment {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw .attachmentUnreadable(path: url.path, problem: .missing)
    }
    if isDirectory.boolValue {
      throw .attachmentUnreadable(path: url.path, problem: .isFolder)
    }
    do {
      // A symbolic link is attached as its target: its size, its bytes. (attributesOfItem does not follow it.)
      let attributes = try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
      // A device or a pipe would be read for ever, or give bytes no one can check later.
      guard attributes[.type] as? FileAttributeType == .typeRegular else {
        throw AuditError.attachmentUnreadable(
          path: url.path, problem: .unreadable("not a regular file (a device, pipe or socket)"))
      }
      let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
      let digest = try SHA256Digest.hex(ofFileAt: url)
      // Whole seconds, as the log keeps every time, so a replayed audit equals the one in memory.
      return Attachment(
        path: url.path, size: size, sha256: digest, by: by, at: Timestamp.wholeSeconds(at))
    } catch let error as AuditError {
      throw error
    } catch {
      throw .attachmentUnreadable(path: url.path, problem: .unreadable(error.localizedDescription))
    }
  }
}
