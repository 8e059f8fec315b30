import Foundation
import KyCuong
import KyCuongIntegrity

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The store's copies of attached files, each kept once under its SHA-256 (`attachments/ab/abcdef…`), so
/// that the evidence does not depend on the inspector's photos folder, and a bundle can carry it.
///
/// Adding a file reads it once: the bytes are hashed (swift-crypto) and copied to a new file in the store as
/// they are read, then the copy is renamed to its digest. A file already stored (the same photo attached
/// twice, to two items) is kept once.
///
/// ```swift
/// let files = AttachmentStore(directory: store.directory.appending(path: "attachments"))
/// let added = try files.add(fileAt: photo, by: "Nguyễn Văn An", at: .now)
/// try audit.attach(added.attachment, to: "BADGE-01")
/// ```
public struct AttachmentStore: Sendable {
  /// The folder of the copies.
  public let directory: URL

  /// A store of copies in `directory` (created 0700 when the first file is added).
  ///
  /// - Parameter directory: The folder.
  public init(directory: URL) {
    self.directory = directory
  }

  /// The copies of the audit store `store`: its `attachments` folder.
  ///
  /// - Parameter store: The audit store.
  public init(for store: AuditStore) {
    self.init(directory: store.directory.appending(path: "attachments", directoryHint: .isDirectory))
  }

  /// Where the copy of the file with digest `sha256` is (or would be).
  ///
  /// - Parameter sha256: 64 lowercase hex digits.
  /// - Returns: The copy's location.
  public func url(for sha256: String) -> URL {
    directory.appending(path: String(sha256.prefix(2))).appending(path: sha256)
  }

  /// Whether a copy of the file with digest `sha256` is kept.
  ///
  /// - Parameter sha256: 64 lowercase hex digits.
  /// - Returns: `true` when `sha256` is 64 lowercase hex digits and a file is at ``url(for:)``, else `false`.
  public func contains(_ sha256: String) -> Bool {
    Digest.isHex(sha256) && FileManager.default.fileExists(atPath: url(for: sha256).path)
  }

  /// What ``add(fileAt:by:at:limit:progress:isCancelled:)`` did.
  public struct Added: Sendable {
    /// The attachment's record, for the `attached` event.
    public var attachment: Attachment
    /// Whether the store already held a copy of these bytes (nothing new was kept).
    public var alreadyStored: Bool
  }

  /// Reads the file at `url` once, keeps a copy under its digest and returns its record.
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - by: Who attaches it.
  ///   - at: When.
  ///   - limit: The largest size accepted.
  ///   - progress: Called after each chunk with the bytes read so far.
  ///   - isCancelled: Asked between chunks; `true` stops, and nothing is kept.
  /// - Returns: The record, and whether the copy existed already.
  /// - Throws: ``/KyCuong/AuditError/attachmentUnreadable(path:problem:)``.
  public func add(
    fileAt url: URL, by: String, at: Date, limit: Int64 = Attachment.maximumSize,
    progress: (Int64) -> Void = { _ in }, isCancelled: () -> Bool = { false }
  ) throws(AuditError) -> Added {
    let reader = try AttachmentReader(url: url, limit: limit)
    let temporaryURL = directory.appending(path: ".incoming-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw .attachmentUnreadable(
        path: url.path, problem: .unreadable("the store cannot be written: \(directory.path)"))
    }
    let fd = open(temporaryURL.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw .attachmentUnreadable(
        path: url.path,
        problem: .unreadable(
          "cannot write the copy in \(directory.path): \(String(cString: strerror(errno)))"))
    }
    var digest = StreamingDigest()
    var done: Int64 = 0
    let size: Int64
    do {
      size = try reader.read(isCancelled: isCancelled) { chunk in
        digest.update(chunk)
        guard let base = chunk.baseAddress else { return }
        var offset = 0
        while offset < chunk.count {
          let written = write(fd, base + offset, chunk.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            throw CopyError(reason: String(cString: strerror(errno)))
          }
          offset += written
        }
        done += Int64(chunk.count)
        progress(done)
      }
      guard fsync(fd) == 0 else {
        throw AuditError.attachmentUnreadable(path: url.path, problem: .unreadable("cannot save the copy"))
      }
    } catch let error as AuditError {
      close(fd)
      unlink(temporaryURL.path)
      throw error
    } catch {
      close(fd)
      unlink(temporaryURL.path)
      throw .attachmentUnreadable(path: url.path, problem: .unreadable("\(error)"))
    }
    close(fd)
    let sha256 = digest.finalizeHex()
    let final = self.url(for: sha256)
    let alreadyStored = FileManager.default.fileExists(atPath: final.path)
    if alreadyStored {
      unlink(temporaryURL.path)
    } else {
      do {
        try FileManager.default.createDirectory(
          at: final.deletingLastPathComponent(), withIntermediateDirectories: true,
          attributes: [.posixPermissions: 0o700])
      } catch {
        unlink(temporaryURL.path)
        throw .attachmentUnreadable(path: url.path, problem: .unreadable("the store cannot be written"))
      }
      guard rename(temporaryURL.path, final.path) == 0 else {
        unlink(temporaryURL.path)
        throw .attachmentUnreadable(path: url.path, problem: .unreadable("cannot keep the copy"))
      }
    }
    let attachment = Attachment(
      path: url.path, size: size, sha256: sha256, by: by, at: Timestamp.wholeSeconds(at))
    return Added(attachment: attachment, alreadyStored: alreadyStored)
  }

  /// A write to the copy failed.
  private struct CopyError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "cannot write the copy: \(reason)" }
  }
}
