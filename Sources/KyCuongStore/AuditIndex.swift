import Foundation
import KyCuong
import KyCuongIntegrity

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The small index kept beside the logs, `.index.json`: each log's listing, so that listing the store (the
/// REPL's welcome, `audits`, `resume`) does not replay every log.
///
/// An entry is keyed by the log's content, never by a time: its size and the SHA-256 of its first and last
/// 4 KiB. For a chained log the last line alone pins the whole log (its `prev` is the digest of the line
/// before, and so on back to the first), and the first bytes hold the header. An entry whose key no longer
/// matches the log, a log without an entry, or an index that cannot be read, is rebuilt by reading the log;
/// so the index is a cache, never a source: removing it loses nothing, and a hand-edited one can only make a
/// log be read again.
struct AuditIndex: Codable {
  static let fileName = ".index.json"
  static let formatID = "kycuong.store-index/1"
  static let maximumSize = 64 << 20
  /// How much of each end of a log the key covers.
  static let window = 4096

  var format = formatID
  var entries: [String: Entry] = [:]

  /// One log's listing, and the key of the content it was made from.
  struct Entry: Codable, Equatable {
    /// The log's size, in bytes.
    var size: Int
    /// `sha256:` of the first and last ``AuditIndex/window`` bytes.
    var key: String
    /// The listing; `nil` for a log that does not rebuild into an audit (so that it is not read again until
    /// it changes).
    var listing: AuditListing?
  }

  /// The key of a log's content: its size and the digest of its ends.
  static func key(size: Int, head: Data, tail: Data) -> String {
    Digest.labelled(head + Data("\n--\n".utf8) + tail + Data("\n\(size)".utf8))
  }

  /// The index of `directory`, or an empty one when there is none or it cannot be read.
  static func read(in directory: URL) -> AuditIndex {
    guard let file = try? StoreFile.open(directory.appending(path: fileName), O_RDONLY),
      let size = try? file.size(), size <= maximumSize, let data = try? file.read(at: 0, count: size),
      let index = try? JSONCoding.decoder().decode(AuditIndex.self, from: data), index.format == formatID
    else { return AuditIndex() }
    return index
  }

  /// Writes the index of `directory` to a new file and renames it into place, so a reader never sees half an
  /// index. A store that cannot be written (read-only) keeps no index; nothing else depends on it.
  func write(in directory: URL) {
    guard let data = try? JSONCoding.encoder().encode(self) else { return }
    let temporary = directory.appending(path: ".index.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    do {
      let file = try StoreFile.open(temporary, O_WRONLY | O_CREAT | O_EXCL)
      try file.write(data, sync: false)
    } catch {
      _ = unlink(temporary.path)
      return
    }
    if rename(temporary.path, directory.appending(path: Self.fileName).path) != 0 {
      _ = unlink(temporary.path)
    }
  }
}
