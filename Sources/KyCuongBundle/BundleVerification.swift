import Foundation
import KyCuong
import KyCuongIntegrity
import ZIPFoundation

/// What checking a bundle found: every file against the manifest, every attachment against the digest the
/// audit recorded, the log's chain, and the export against the log and its digests (and signature).
public struct BundleVerification: Sendable {
  /// The audit's id, if the manifest could be read.
  public var auditID: String?
  /// Files that match the manifest.
  public var filesChecked = 0
  /// Attachments re-hashed and found as recorded.
  public var attachmentsChecked = 0
  /// Everything that does not match, in words.
  public var problems: [String] = []
  /// The export's own verification (digests, signature), when it could be read.
  public var export: ExportVerification?
  /// The export, when it could be read.
  public var exportDocument: AuditExport?

  /// Whether nothing was found wrong.
  public var isIntact: Bool { problems.isEmpty }

  /// Checks the bundle at `url`.
  ///
  /// - Parameters:
  ///   - url: The archive.
  ///   - trustedKeys: The keys the export must be signed with (a signature by another is a failure); none by
  ///     default.
  /// - Returns: What was found.
  /// - Throws: ``BundleError/notAnArchive(path:)`` or ``BundleError/badManifest(reason:)`` when the archive
  ///   cannot be read as a bundle at all.
  public static func verify(
    bundleAt url: URL, trustedKeys: TrustedKeys = TrustedKeys()
  ) throws(BundleError) -> BundleVerification {
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw .notAnArchive(path: url.path)
    }
    guard let manifestEntry = archive[AuditBundle.manifestPath] else {
      throw .badManifest(reason: "no manifest.json in the archive")
    }
    let manifest: BundleManifest
    do {
      let data = try BoundedInflation.data(of: manifestEntry, in: archive, limit: 16 << 20)
      manifest = try JSONCoding.decoder().decode(BundleManifest.self, from: data)
    } catch BoundedInflation.Failure.pastLimit(let limit) {
      throw .badManifest(reason: "larger than \(limit) bytes")
    } catch BoundedInflation.Failure.unreadable(let error) {
      throw .badManifest(reason: BundleError.reason(error))
    } catch {
      throw .badManifest(reason: BundleError.reason(error))
    }
    var result = BundleVerification()
    result.auditID = manifest.audit
    let listed = Set(manifest.files.map(\.path))
    for entry in archive where entry.type == .file && entry.path != AuditBundle.manifestPath {
      if !listed.contains(entry.path) { result.problems.append("\(entry.path): not in the manifest") }
    }
    var contents: [String: Data] = [:]
    for file in manifest.files {
      guard let entry = archive[file.path] else {
        result.problems.append("\(file.path): missing from the bundle")
        continue
      }
      var digest = StreamingDigest()
      var size: Int64 = 0
      var kept = Data()
      let keep = !file.path.hasPrefix("attachments/")
      // A file is inflated no further than the manifest says it holds (nor, for a document kept in memory,
      // than an export may be): a zip whose header lies about a member's size would otherwise fill memory
      // before the size could be compared.
      let limit = keep ? min(file.size, Int64(BoundedFile.maximumExportSize)) : file.size
      do {
        size = try BoundedInflation.inflate(entry, of: archive, limit: limit) { chunk in
          chunk.withUnsafeBytes { digest.update($0) }
          if keep { kept.append(chunk) }
        }
      } catch {
        switch error {
        case .pastLimit:
          result.problems.append(
            "\(file.path): changed (it decompresses to more than the \(limit) bytes the manifest gives)")
        case .unreadable(let error):
          result.problems.append("\(file.path): cannot be read (\(BundleError.reason(error)))")
        }
        continue
      }
      let sha256 = digest.finalizeHex()
      if sha256 != file.sha256 || size != file.size {
        result.problems.append(
          "\(file.path): changed (SHA-256 \(sha256), \(size) bytes; the manifest says \(file.sha256), \(file.size) bytes)"
        )
        continue
      }
      result.filesChecked += 1
      if keep { contents[file.path] = kept }
    }
    guard let exportData = contents[AuditBundle.exportPath] else {
      result.problems.append("\(AuditBundle.exportPath): no readable export in the bundle")
      return result
    }
    let log = contents[AuditBundle.logPath]
    if let log {
      let chain = LogChain.verify(log)
      result.problems += chain.problems.map { "\(AuditBundle.logPath): \($0)" }
    } else {
      result.problems.append("\(AuditBundle.logPath): no log in the bundle")
    }
    let verification = ExportIntegrity.verify(exportData: exportData, log: log, trustedKeys: trustedKeys)
    result.export = verification
    result.problems += verification.problems.map { "\(AuditBundle.exportPath): \($0)" }
    guard let export = try? AuditExport(data: exportData) else { return result }
    result.exportDocument = export
    // Every attachment the audit recorded is in the bundle, with the bytes it had when attached.
    let byPath = Dictionary(manifest.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    for attachment in AuditBundle.attachments(of: export) {
      let path = AuditBundle.path(of: attachment)
      guard let file = byPath[path], archive[path] != nil else {
        result.problems.append("\(path): the attachment \(attachment.name) is missing from the bundle")
        continue
      }
      if file.sha256 != attachment.sha256 || file.size != attachment.size {
        result.problems.append(
          "\(path): differs from the attachment the audit recorded (\(attachment.sha256))")
        continue
      }
      result.attachmentsChecked += 1
    }
    return result
  }

}
