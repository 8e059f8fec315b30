import Foundation

/// A file read and verified by ``DepartmentArchive/prepare(_:)``, for
/// ``DepartmentArchive/importPrepared(_:from:policy:at:)`` to archive: the file's bytes and what reading them
/// found, a refusal included, or the copy already archived.
///
/// Only an archive makes one, so that what is archived is exactly what it read and checked.
public struct PreparedFile: Sendable {
  /// The file.
  public let url: URL
  let content: Content

  /// What preparing the file found.
  enum Content: Sendable {
    /// The file could not be read (not a regular file, over the size limit, gone).
    case unreadable(ImportRefusal)
    /// The same bytes are archived already; they were not parsed.
    case archived(StoredDocument)
    /// The bytes, their SHA-256 and the document they hold, or why it is refused.
    case read(Data, sha256: String, Result<ArchiveDocument, ImportRefusal>)
  }
}
