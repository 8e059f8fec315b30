import Foundation

/// A file an audit kept as evidence, archived from a bundle: its record, and its bytes kept once per SHA-256
/// however many bundles carry it (read them with ``DepartmentArchive/attachmentContent(of:)``).
public struct ArchivedAttachment: Hashable, Sendable {
  /// The hex SHA-256 of the file's bytes.
  public var sha256: String
  /// The file's name when it was attached.
  public var name: String
  /// Its size.
  public var byteCount: Int
  /// The item it was attached to, or `nil` for the audit itself.
  public var itemID: String?
  /// Who attached it.
  public var attachedBy: String
  /// When.
  public var attachedAt: Date

  /// Creates an attachment's record.
  ///
  /// - Parameters:
  ///   - sha256: The hex SHA-256 of the bytes.
  ///   - name: The file's name.
  ///   - byteCount: Its size.
  ///   - itemID: The item, or `nil` for the audit.
  ///   - attachedBy: Who attached it.
  ///   - attachedAt: When.
  public init(
    sha256: String, name: String, byteCount: Int, itemID: String?, attachedBy: String, attachedAt: Date
  ) {
    self.sha256 = sha256
    self.name = name
    self.byteCount = byteCount
    self.itemID = itemID
    self.attachedBy = attachedBy
    self.attachedAt = attachedAt
  }
}
