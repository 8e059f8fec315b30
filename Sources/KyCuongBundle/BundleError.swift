import Foundation

/// Why a bundle could not be written or read.
public enum BundleError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The archive could not be written.
  case cannotWrite(path: String, reason: String)
  /// An attachment of the audit has no copy in the store (attached before the store kept copies).
  case attachmentMissing(name: String, sha256: String)
  /// The store's copy of an attachment no longer holds the bytes the audit recorded (it was changed or
  /// cut after it was attached): the bundle is not written, since it would carry evidence that is not what
  /// the team attached.
  case attachmentChanged(name: String, sha256: String, found: String)
  /// The file is not a zip archive a bundle can be read from.
  case notAnArchive(path: String)
  /// The archive has no manifest, or one that cannot be read.
  case badManifest(reason: String)

  /// What went wrong and what to do.
  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason): "cannot write the bundle \(path): \(reason)"
    case .attachmentMissing(let name, let sha256):
      "the store has no copy of the attachment \(name) (SHA-256 \(sha256)); attach the file again"
    case .attachmentChanged(let name, let sha256, let found):
      "the store's copy of the attachment \(name) has changed since it was attached (the audit recorded "
        + "SHA-256 \(sha256), the copy now \(found)); restore the original file and attach it again"
    case .notAnArchive(let path): "\(path) is not a zip archive"
    case .badManifest(let reason): "the bundle's manifest.json cannot be read: \(reason)"
    }
  }

  /// A short reason for an error of the archive library or the file system, without platform boilerplate.
  static func reason(_ error: any Error) -> String {
    if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
    let text = "\(error)"
    return text.count > 200 ? String(text.prefix(200)) + "…" : text
  }
}
