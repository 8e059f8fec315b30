import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore
import ZIPFoundation

/// One archive (`.zip`) that carries an audit to whoever receives it: the sealed export, the event log, the
/// inspection record (HTML and Markdown), every attached file, and a manifest of digests.
///
/// Layout: `manifest.json`, `export.json`, `log.jsonl`, `record.html`, `record.md`, and
/// `attachments/<sha256>/<file name>` for each attachment. A department that receives only the bundle checks
/// it with `kycuong verify FILE.zip` (the log's chain, the export's digests against the log, every file
/// against the manifest, every attachment against the digest the audit recorded) and prints the record.
///
/// ```swift
/// let bundle = try AuditBundle.write(audit, log: logBytes, files: AttachmentStore(for: store),
///                                    to: URL(fileURLWithPath: "hang-bac.zip"), language: .vi)
/// ```
public enum AuditBundle {
  /// The archive's manifest.
  public static let manifestPath = "manifest.json"
  /// The sealed export.
  public static let exportPath = "export.json"
  /// The event log.
  public static let logPath = "log.jsonl"
  /// The record, as a printable page.
  public static let recordHTMLPath = "record.html"
  /// The record, as Markdown.
  public static let recordMarkdownPath = "record.md"

  /// The path of an attachment in the archive.
  ///
  /// - Parameter attachment: The attachment.
  /// - Returns: `attachments/<sha256>/<name>`.
  public static func path(of attachment: Attachment) -> String {
    let name = attachment.name.replacingOccurrences(of: "/", with: "_")
    return "attachments/\(attachment.sha256)/\(name.isEmpty ? "file" : name)"
  }

  /// Every attachment of `export` in effect, once per digest.
  ///
  /// - Parameter export: The export.
  /// - Returns: The attachments, in the order of the items.
  public static func attachments(of export: AuditExport) -> [Attachment] {
    var seen = Set<String>()
    return (export.attachments + export.items.flatMap(\.attachments)).filter {
      seen.insert($0.sha256).inserted
    }
  }

  /// Writes the bundle of `audit` to `url` (a new file; the caller decides about an existing one).
  ///
  /// - Parameters:
  ///   - audit: The audit.
  ///   - log: The exact bytes of its log.
  ///   - files: Where the attachments' copies are.
  ///   - url: The archive to write.
  ///   - language: The record's language.
  ///   - now: When the bundle is made.
  /// - Returns: The manifest written.
  /// - Throws: ``BundleError``.
  @discardableResult
  public static func write(
    _ audit: Audit, log: Data, files: AttachmentStore, to url: URL, language: Language, now: Date = Date()
  ) throws(BundleError) -> BundleManifest {
    let export: AuditExport
    do {
      export = try ExportIntegrity.seal(AuditExport(audit), log: log)
    } catch {
      throw .cannotWrite(path: url.path, reason: error.description)
    }
    let record = InspectionRecord(export: export, authenticity: ExportIntegrity.authenticity(of: export))
    let exportData: Data
    do {
      exportData = try export.jsonData()
    } catch {
      throw .cannotWrite(path: url.path, reason: "\(error)")
    }
    var documents: [(String, Data)] = [
      (exportPath, exportData), (logPath, log),
      (recordHTMLPath, Data(record.html(language: language).utf8)),
      (recordMarkdownPath, Data(record.markdown(language: language).utf8)),
    ]
    let attachments = attachments(of: export)
    for attachment in attachments where !files.contains(attachment.sha256) {
      throw .attachmentMissing(name: attachment.name, sha256: attachment.sha256)
    }
    let temporary = url.deletingLastPathComponent().appending(
      path: ".\(url.lastPathComponent).\(UUID().uuidString)")
    var manifestFiles: [BundleManifest.File] = []
    do {
      let archive = try Archive(url: temporary, accessMode: .create)
      for (path, data) in documents {
        try add(data, at: path, to: archive, date: now)
        manifestFiles.append(
          BundleManifest.File(path: path, size: Int64(data.count), sha256: Digest.hex(of: data)))
      }
      documents.removeAll()
      for attachment in attachments {
        let path = path(of: attachment)
        try addCopy(of: attachment, from: files, at: path, to: archive, date: now)
        manifestFiles.append(
          BundleManifest.File(path: path, size: attachment.size, sha256: attachment.sha256))
      }
      let manifest = BundleManifest(
        audit: audit.id, createdAt: Timestamp.wholeSeconds(now), files: manifestFiles)
      try add(try JSONCoding.fileData(manifest), at: manifestPath, to: archive, date: now)
      if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
      try FileManager.default.moveItem(at: temporary, to: url)
      return manifest
    } catch let error as BundleError {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .cannotWrite(path: url.path, reason: BundleError.reason(error))
    }
  }

  /// Adds the store's copy of `attachment`, hashed as it is compressed (one read): a copy whose size or
  /// SHA-256 is no longer what the audit recorded stops the bundle with
  /// ``BundleError/attachmentChanged(name:sha256:found:)``.
  private static func addCopy(
    of attachment: Attachment, from files: AttachmentStore, at path: String, to archive: Archive, date: Date
  ) throws {
    let source = files.url(for: attachment.sha256)
    let size = (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? NSNumber)?
      .int64Value
    guard size == attachment.size else {
      throw BundleError.attachmentChanged(
        name: attachment.name, sha256: attachment.sha256, found: "\(size ?? 0) bytes, not \(attachment.size)")
    }
    let handle = try FileHandle(forReadingFrom: source)
    defer { try? handle.close() }
    var digest = StreamingDigest()
    try archive.addEntry(
      with: path, type: .file, uncompressedSize: attachment.size, modificationDate: date,
      compressionMethod: .deflate
    ) { _, size in
      let chunk = try handle.read(upToCount: size) ?? Data()
      // Cut while read: stop here rather than hand the zip writer less than it asked for.
      guard chunk.count == size else {
        throw BundleError.attachmentChanged(
          name: attachment.name, sha256: attachment.sha256, found: "a copy cut short while it was read")
      }
      chunk.withUnsafeBytes { digest.update($0) }
      return chunk
    }
    let found = digest.finalizeHex()
    guard found == attachment.sha256 else {
      throw BundleError.attachmentChanged(name: attachment.name, sha256: attachment.sha256, found: found)
    }
  }

  private static func add(_ data: Data, at path: String, to archive: Archive, date: Date) throws {
    try archive.addEntry(
      with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
      compressionMethod: .deflate
    ) { position, size in
      data.subdata(in: Int(position)..<Int(position) + size)
    }
  }
}
