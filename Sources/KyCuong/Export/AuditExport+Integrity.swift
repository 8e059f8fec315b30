import Foundation
import KyCuongAudit
import KyCuongModel
import KyCuongSupport

extension AuditExport {
  /// Tamper evidence of an export (`integrity`). Every digest is `sha256:` and 64 lowercase hex digits.
  public struct Integrity: Hashable, Sendable, Codable {
    /// The SHA-256 of the exact bytes of the last line of the audit's event log (without its newline).
    public var chainHead: String
    /// The SHA-256 of the checklist snapshot's canonical JSON; equals `checklist.digest`.
    public var snapshotDigest: String
    /// The SHA-256 of the export's canonical JSON without `integrity.exportDigest` and `integrity.signature`.
    public var exportDigest: String?
    /// The team leader's signature of ``exportDigest``, if the export was signed.
    public var signature: Signature?

    /// Creates the field.
    public init(
      chainHead: String, snapshotDigest: String, exportDigest: String? = nil, signature: Signature? = nil
    ) {
      self.chainHead = chainHead
      self.snapshotDigest = snapshotDigest
      self.exportDigest = exportDigest
      self.signature = signature
    }
  }
}
