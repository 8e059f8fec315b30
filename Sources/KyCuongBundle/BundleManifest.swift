import Foundation
import KyCuong

/// The list of a bundle's files with their sizes and digests (`manifest.json`), and the attachments of the
/// audit with where each one is in the bundle.
public struct BundleManifest: Hashable, Sendable, Codable {
  /// The manifest's format id.
  public static let formatID = "kycuong.bundle/1"

  /// One file of the bundle.
  public struct File: Hashable, Sendable, Codable {
    /// Its path in the archive (`attachments/ab12…/ảnh.jpg`).
    public var path: String
    /// Its size in bytes.
    public var size: Int64
    /// Its SHA-256, 64 lowercase hex digits.
    public var sha256: String

    /// Creates a file entry.
    ///
    /// - Parameters:
    ///   - path: The path in the archive.
    ///   - size: The size in bytes.
    ///   - sha256: The hex SHA-256.
    public init(path: String, size: Int64, sha256: String) {
      self.path = path
      self.size = size
      self.sha256 = sha256
    }
  }

  /// Always ``formatID``.
  public var format: String
  /// The audit's id.
  public var audit: String
  /// When the bundle was made.
  public var createdAt: Date
  /// Every file of the bundle but the manifest, in the order written.
  public var files: [File]

  /// Creates a manifest.
  ///
  /// - Parameters:
  ///   - audit: The audit's id.
  ///   - createdAt: When the bundle was made.
  ///   - files: Its files.
  public init(audit: String, createdAt: Date, files: [File]) {
    self.format = Self.formatID
    self.audit = audit
    self.createdAt = createdAt
    self.files = files
  }
}
