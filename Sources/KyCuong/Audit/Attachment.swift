import Foundation
import KyCuongModel
import KyCuongSupport

/// A file kept as evidence (a photo of the posting board, a scanned register page): where it was, its size
/// and its SHA-256, so anyone can later show it is the same file. The audit store keeps a copy of it under
/// its digest, so the evidence travels with the audit (a bundle carries it).
public struct Attachment: Hashable, Sendable, Codable {
  /// The largest file attached: 1 GiB. A photo or a scanned page is a few MB; a file far larger is most
  /// likely the wrong one, and would take minutes to copy on a laptop on site.
  public static let maximumSize: Int64 = 1 << 30

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
  /// The sequence number of the event that attached it, by which it can be withdrawn; `nil` in the event
  /// itself and in exports made before entries had one.
  public var event: Int?

  /// Creates an attachment record.
  ///
  /// - Parameters:
  ///   - path: The file's path when it was attached.
  ///   - size: Its size in bytes.
  ///   - sha256: The hex SHA-256 of its contents.
  ///   - by: Who attached it.
  ///   - at: When.
  ///   - event: The sequence number of the event that attached it.
  public init(path: String, size: Int64, sha256: String, by: String, at: Date, event: Int? = nil) {
    self.path = path
    self.size = size
    self.sha256 = sha256
    self.by = by
    self.at = at
    self.event = event
  }

  /// The file name, without its folder.
  public var name: String { URL(fileURLWithPath: path).lastPathComponent }

  /// Reads the file at `url` once and records its size and digest (computed by the library's own SHA-256;
  /// `AttachmentStore` of KyCuongStore copies the file and hashes it faster).
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - by: Who attaches it.
  ///   - at: When.
  /// - Returns: The attachment's record.
  /// - Throws: ``AuditError/attachmentUnreadable(path:problem:)`` when it is missing, a folder, not a
  ///   regular file, a file of the system, too large, changing, or unreadable.
  public static func make(fileAt url: URL, by: String, at: Date) throws(AuditError) -> Attachment {
    let reader = try AttachmentReader(url: url)
    var digest = SHA256Digest()
    let size = try reader.read { digest.update($0) }
    // Whole seconds, as the log keeps every time, so a replayed audit equals the one in memory.
    return Attachment(
      path: url.path, size: size, sha256: digest.finalizeHex(), by: by, at: Timestamp.wholeSeconds(at))
  }
}
