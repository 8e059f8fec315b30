import Foundation
import KyCuongAudit
import KyCuongModel
import KyCuongSupport

extension AuditExport {
  /// The checklist an audit used.
  public struct ChecklistReference: Hashable, Sendable, Codable {
    /// Its id.
    public var id: String
    /// Its version.
    public var version: String
    /// Its title.
    public var title: LocalizedText
    /// `sha256:` and the SHA-256 of the snapshot's canonical JSON (sorted keys, no spaces).
    public var digest: String
    /// The checklist as it was when the audit started.
    public var snapshot: Checklist
  }
}
