import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// A file the summary could not use, and why.
public struct SkippedFile: Hashable, Sendable, Codable {
  /// The file.
  public var path: String
  /// Why it was skipped.
  public var reason: String

  /// Creates the entry.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - reason: Why it was skipped.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}
