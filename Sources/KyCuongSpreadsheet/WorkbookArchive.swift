import Foundation
import ZIPFoundation

/// The zip container of an XLSX file, read through ZIPFoundation: parts are unpacked only when asked for,
/// and only within ``SpreadsheetLimits``. What a part unpacks to is counted as it is inflated, so a zip
/// that lies about its sizes is stopped at the limit, not after.
struct WorkbookArchive {
  private let archive: Archive
  private let entries: [String: Entry]
  private let limits: SpreadsheetLimits
  private var unpacked = 0

  /// Opens the zip in `data`.
  ///
  /// - Throws: ``SpreadsheetError`` when the file is too large, not a zip, or lists too many entries.
  init(data: Data, limits: SpreadsheetLimits) throws(SpreadsheetError) {
    guard data.count <= limits.fileSize else { throw .fileTooLarge(size: data.count, limit: limits.fileSize) }
    if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw .notAWorkbook(legacy: true) }
    guard data.starts(with: [0x50, 0x4B]) else { throw .notAWorkbook(legacy: false) }
    let archive: Archive
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw .notAWorkbook(legacy: false)
    }
    var entries: [String: Entry] = [:]
    var count = 0
    for entry in archive {
      count += 1
      guard count <= limits.entries else { throw .tooManyEntries(limit: limits.entries) }
      // Part names are case-insensitive (ECMA-376 part 2); the first of two that differ only in case wins.
      let key = entry.path.lowercased()
      if entries[key] == nil { entries[key] = entry }
    }
    self.archive = archive
    self.entries = entries
    self.limits = limits
  }

  /// Whether the zip holds a file at `path`.
  func contains(_ path: String) -> Bool {
    entries[path.lowercased()]?.type == .file
  }

  /// The unpacked bytes of the part at `path`.
  ///
  /// - Throws: ``SpreadsheetError`` when the part is missing or damaged, or would take the bytes unpacked
  ///   past the limit.
  mutating func read(_ path: String) throws(SpreadsheetError) -> Data {
    guard let entry = entries[path.lowercased()], entry.type == .file else { throw .missingPart(path) }
    let remaining = limits.unpackedSize - unpacked
    guard entry.uncompressedSize <= UInt64(max(remaining, 0)) else {
      throw .unpackedTooLarge(part: path, limit: limits.unpackedSize)
    }
    var data = Data()
    data.reserveCapacity(Int(entry.uncompressedSize))
    let checksum: CRC32
    do {
      checksum = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
        guard data.count + chunk.count <= remaining else { throw Overflow() }
        data.append(chunk)
      }
    } catch is Overflow {
      throw .unpackedTooLarge(part: path, limit: limits.unpackedSize)
    } catch {
      throw .damagedPart(path)
    }
    guard checksum == entry.checksum, data.count == Int(entry.uncompressedSize) else {
      throw .damagedPart(path)
    }
    unpacked += data.count
    return data
  }

  private struct Overflow: Error {}
}
