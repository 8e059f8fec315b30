// The adapter's second half: audit bundles (`kycuong bundle`, KyCuongBundle). A bundle is verified whole by
// the bundle library (every file against its manifest, every attachment against the digest the audit
// recorded, the log's chain, the export against the log), then its export is read exactly as an export
// import reads one; the facts come from it, the version's chain from its log.
import Foundation
import KyCuong
import KyCuongBundle
import KyCuongIntegrity
import ZIPFoundation

extension ArchiveDocument {
  /// The most a bundle's export or log may inflate to: the bundle library's limit for its documents.
  private static let documentLimit = BoundedInflation.Limits().document

  /// Whether `data` is a zip archive: a local file header, `PK\3\4`, or an empty zip, `PK\5\6`.
  static func isBundle(_ data: Data) -> Bool {
    data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06])
  }

  /// Reads and verifies a bundle: refused whole when any file of it fails a check.
  static func readBundle(_ data: Data, sha256: String) throws(ImportRefusal) -> ArchiveDocument {
    let archive = try openBundle(data)
    try checkSizes(of: archive)
    let verification = try verifyBundle(data)
    if !verification.problems.isEmpty {
      throw ImportRefusal(.bundle, verification.problems.joined(separator: "; "))
    }
    let exportData = try extract(AuditBundle.exportPath, from: archive, limit: documentLimit)
    let logData = try extract(AuditBundle.logPath, from: archive, limit: documentLimit)
    // The export as an export import reads it (digests, signature, items, checklist); the log as a log.
    var document = try readExport(exportData, sha256: sha256)
    let log = try readLog(logData, sha256: sha256)
    guard log.version.stateDigest == document.version.stateDigest else {
      throw ImportRefusal(
        .bundle, "\(AuditBundle.exportPath) and \(AuditBundle.logPath) hold different states of the audit")
    }
    document.kind = .bundle
    document.byteCount = data.count
    document.version.chain = log.version.chain
    let export = try exportDocument(exportData)
    for attachment in AuditBundle.attachments(of: export) {
      let path = AuditBundle.path(of: attachment)
      let content = try extract(path, from: archive, limit: attachment.size)
      let actual = Digest.hex(of: content)
      guard actual == attachment.sha256, Int64(content.count) == attachment.size else {
        throw ImportRefusal(
          .bundle, "\(path): its bytes hash to \(actual), the audit recorded \(attachment.sha256)")
      }
      document.attachments.append(
        ArchivedAttachment(
          sha256: attachment.sha256, name: attachment.name, byteCount: content.count,
          itemID: item(of: attachment, in: export), attachedBy: attachment.by, attachedAt: attachment.at))
      document.attachmentContent[attachment.sha256] = content
    }
    return document
  }

  /// The file at `path` in the stored bundle `data` (its export or its log), or `nil` when `data` is not a
  /// bundle or has no such file.
  static func member(_ path: String, ofBundle data: Data) -> Data? {
    guard isBundle(data), let archive = try? openBundle(data) else { return nil }
    return try? extract(path, from: archive, limit: documentLimit)
  }

  // MARK: - Steps

  private static func openBundle(_ data: Data) throws(ImportRefusal) -> Archive {
    do {
      return try Archive(data: data, accessMode: .read)
    } catch {
      throw ImportRefusal(.bundle, "not a readable zip archive (\(error))")
    }
  }

  /// Refuses a bundle whose central directory declares too many files or files too large, before
  /// decompressing any; then inflates each file once without keeping it, stopping at the size it declares
  /// (a zip bomb lies about it), so that nothing after holds more than the limits in memory.
  private static func checkSizes(of archive: Archive) throws(ImportRefusal) {
    if let problem = BoundedInflation.declaredSizeProblem(of: archive) {
      throw ImportRefusal(.bundle, problem)
    }
    for entry in archive where entry.type == .file {
      try inflate(entry, from: archive, limit: Int64(entry.uncompressedSize)) { _ in }
    }
  }

  /// The bundle library's verification, which reads a file: `data` written to a private temporary one.
  private static func verifyBundle(_ data: Data) throws(ImportRefusal) -> BundleVerification {
    let url = FileManager.default.temporaryDirectory.appending(
      path: "kycuong-bundle-\(UUID().uuidString).zip")
    defer { try? FileManager.default.removeItem(at: url) }
    do {
      try data.write(to: url, options: [.withoutOverwriting])
    } catch {
      throw ImportRefusal(
        .unreadable, "cannot write a temporary copy to verify: \(error.localizedDescription)")
    }
    do {
      return try BundleVerification.verify(bundleAt: url)
    } catch {
      throw ImportRefusal(.bundle, error.description)
    }
  }

  /// The bytes of the file at `path`, stopped (and refused) once it inflates beyond `limit`.
  private static func extract(
    _ path: String, from archive: Archive, limit: Int64
  ) throws(ImportRefusal) -> Data {
    guard let entry = archive[path] else {
      throw ImportRefusal(.bundle, "\(path): missing from the bundle")
    }
    var data = Data()
    try inflate(entry, from: archive, limit: limit) { data.append($0) }
    return data
  }

  /// Decompresses `entry` chunk by chunk, CRC checked, refused once it exceeds `limit` bytes.
  private static func inflate(
    _ entry: Entry, from archive: Archive, limit: Int64, _ body: (Data) -> Void
  ) throws(ImportRefusal) {
    do {
      try BoundedInflation.inflate(entry, of: archive, limit: limit, body)
    } catch {
      switch error {
      case .pastLimit:
        throw ImportRefusal(
          .bundle, "\(entry.path): decompresses to more than the \(limit) bytes it may hold")
      case .unreadable(let error):
        throw ImportRefusal(.bundle, "\(entry.path): cannot be read (\(error))")
      }
    }
  }

  private static func exportDocument(_ data: Data) throws(ImportRefusal) -> AuditExport {
    do {
      return try AuditExport(data: data)
    } catch {
      throw refusal(error)
    }
  }

  /// The item an attachment was recorded on, or `nil` for the audit's own.
  private static func item(of attachment: Attachment, in export: AuditExport) -> String? {
    export.items.first { $0.attachments.contains { $0.sha256 == attachment.sha256 } }?.id.rawValue
  }
}
