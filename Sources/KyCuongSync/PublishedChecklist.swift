import Foundation
import KyCuong
import KyCuongIntegrity

/// A checklist version the department server publishes for its devices (`GET /api/v1/checklists`): which
/// checklist, which version, and the digests that name its content. Its bytes are at
/// `GET /api/v1/checklists/{id}/{version}`; ``checklist(from:)`` checks them against this entry.
///
/// A published version names one content for good: the server never replaces it, and refuses a second
/// content under the same id and version, as the archive refuses it in audits.
public struct PublishedChecklist: Codable, Hashable, Sendable {
  /// The checklist's id (`public-office-conduct`).
  public var checklistID: String
  /// Its version, `MAJOR.MINOR.PATCH`.
  public var version: String
  /// Its title.
  public var title: LocalizedText
  /// How many items it has.
  public var itemCount: Int
  /// The snapshot digest an audit of it carries: `sha256:` and the SHA-256 of its RFC 8785 JSON.
  public var digest: String
  /// The SHA-256 of the published file's bytes (lowercase hex).
  public var sha256: String
  /// The file's size in bytes.
  public var byteCount: Int
  /// Who published it.
  public var publishedBy: String
  /// When.
  public var publishedAt: Date

  /// An entry.
  public init(
    checklistID: String, version: String, title: LocalizedText, itemCount: Int, digest: String,
    sha256: String, byteCount: Int, publishedBy: String, publishedAt: Date
  ) {
    self.checklistID = checklistID
    self.version = version
    self.title = title
    self.itemCount = itemCount
    self.digest = digest
    self.sha256 = sha256
    self.byteCount = byteCount
    self.publishedBy = publishedBy
    self.publishedAt = publishedAt
  }

  /// The entry of `checklist`, read and validated from the file `data`.
  public init(checklist: Checklist, data: Data, publishedBy: String, publishedAt: Date) {
    self.init(
      checklistID: checklist.id, version: checklist.version, title: checklist.title,
      itemCount: checklist.items.count, digest: ExportIntegrity.snapshotDigest(of: checklist),
      sha256: Digest.hex(of: data), byteCount: data.count, publishedBy: publishedBy, publishedAt: publishedAt)
  }

  /// Reads `data` as the checklist this entry describes: the bytes must be the ones published (size and
  /// SHA-256), a valid checklist, and that checklist's id, version and snapshot digest this entry's.
  ///
  /// - Parameter data: The bytes pulled from `GET /api/v1/checklists/{id}/{version}`.
  /// - Returns: The checklist.
  /// - Throws: ``PublishedChecklistError`` saying which check failed.
  public func checklist(from data: Data) throws(PublishedChecklistError) -> Checklist {
    let name = "\(checklistID) \(version)"
    guard data.count == byteCount, Digest.hex(of: data) == sha256 else {
      throw .notThePublishedBytes(
        "\(name): \(data.count) bytes with SHA-256 \(Digest.hex(of: data)) arrived where \(byteCount) "
          + "bytes with SHA-256 \(sha256) were published")
    }
    let checklist: Checklist
    do {
      checklist = try ChecklistParser.parse(data, file: "\(checklistID)-\(version).json")
    } catch {
      throw .invalid(error)
    }
    let digest = ExportIntegrity.snapshotDigest(of: checklist)
    guard checklist.id == checklistID, checklist.version == version, digest == self.digest else {
      throw .describesAnother(
        "\(name) was listed, but the file is \(checklist.id) \(checklist.version) with digest \(digest) "
          + "(listed: \(self.digest))")
    }
    return checklist
  }

  /// The newest version of each checklist in `entries` (by `MAJOR.MINOR.PATCH`, compared as numbers), in
  /// the order of their ids.
  public static func newest(of entries: [PublishedChecklist]) -> [PublishedChecklist] {
    var newest: [String: PublishedChecklist] = [:]
    for entry in entries {
      if let kept = newest[entry.checklistID], !isVersion(kept.version, olderThan: entry.version) { continue }
      newest[entry.checklistID] = entry
    }
    return newest.values.sorted { $0.checklistID < $1.checklistID }
  }

  /// Whether `lhs` comes before `rhs` as semantic versions (`1.9.0` before `1.10.0`).
  public static func isVersion(_ lhs: String, olderThan rhs: String) -> Bool {
    func numbers(_ version: String) -> [Int] { version.split(separator: ".").map { Int($0) ?? 0 } }
    return numbers(lhs).lexicographicallyPrecedes(numbers(rhs))
  }
}
