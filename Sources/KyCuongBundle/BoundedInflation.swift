import Foundation
import KyCuong
import ZIPFoundation

/// Decompressing a bundle's files without trusting what its zip headers say: the one place both the bundle's
/// verification (`kycuong verify FILE.zip`) and the archive's import read a member.
///
/// A zip's central directory declares each file's size, but a zip bomb lies: a member that declares 64 KiB
/// may inflate to gigabytes. Every read here stops at a limit the caller knows independently (the manifest's
/// size, the export limit, the attachment limit), so nothing holds more than that in memory.
package enum BoundedInflation {
  /// Why a member was not read whole.
  package enum Failure: Error, Sendable {
    /// It decompresses to more than `limit` bytes.
    case pastLimit(Int64)
    /// It cannot be decompressed (a bad CRC, a truncated or unsupported entry): ZIPFoundation's error, or
    /// the one the caller's handler threw.
    case unreadable(any Error)
  }

  /// What a bundle may declare before anything in it is decompressed.
  package struct Limits: Sendable {
    /// Files in one bundle.
    package var entries = 10_000
    /// Each file that is not an attachment (the export, the log, the records, the manifest).
    package var document = Int64(BoundedFile.maximumExportSize)
    /// Every file together, decompressed: the largest attachment an audit takes.
    package var total = Attachment.maximumSize

    /// The limits `kycuong` holds bundles to.
    package init() {}
  }

  /// Decompresses `entry` chunk by chunk, CRC checked, handing each chunk to `body`; stops as soon as more
  /// than `limit` bytes came out.
  ///
  /// - Returns: The number of bytes decompressed.
  /// - Throws: ``Failure``; an error `body` throws comes back in ``Failure/unreadable(_:)``.
  @discardableResult
  package static func inflate(
    _ entry: Entry, of archive: Archive, limit: Int64, _ body: (Data) throws -> Void = { _ in }
  ) throws(Failure) -> Int64 {
    var size: Int64 = 0
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        size += Int64(chunk.count)
        if size > limit { throw PastLimit() }
        try body(chunk)
      }
    } catch is PastLimit {
      throw .pastLimit(limit)
    } catch {
      throw .unreadable(error)
    }
    return size
  }

  /// The bytes of `entry`, read no further than `limit`.
  ///
  /// - Throws: ``Failure``.
  package static func data(of entry: Entry, in archive: Archive, limit: Int64) throws(Failure) -> Data {
    var data = Data()
    try inflate(entry, of: archive, limit: limit) { data.append($0) }
    return data
  }

  /// The first way `archive`'s central directory breaks `limits` (too many files, a document too large,
  /// too much in all), read before anything is decompressed; `nil` when it keeps them.
  ///
  /// - Returns: What is wrong, as a sentence naming the file.
  package static func declaredSizeProblem(of archive: Archive, limits: Limits = Limits()) -> String? {
    var count = 0
    var total: Int64 = 0
    for entry in archive {
      count += 1
      let size = Int64(entry.uncompressedSize)
      total += size
      if count > limits.entries { return "more than \(limits.entries) files in the zip archive" }
      if !entry.path.hasPrefix("attachments/"), size > limits.document {
        return "\(entry.path): \(size) bytes decompressed, more than \(limits.document) allowed"
      }
      if total > limits.total {
        return "the files decompress to more than \(limits.total) bytes (\(entry.path) and before)"
      }
    }
    return nil
  }

  /// Thrown from inside an extraction to stop it.
  private struct PastLimit: Error {}
}
