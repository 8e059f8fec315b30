import Foundation
import KyCuongAudit
import KyCuongModel
import KyCuongSupport

extension AuditExport {
  /// A signature of an export's digest (`integrity.signature`).
  public struct Signature: Hashable, Sendable, Codable {
    /// `ed25519`.
    public var algorithm: String
    /// The signer's public key: 32 bytes, base64.
    public var publicKey: String
    /// Who signed (the name stored with the key).
    public var signer: String
    /// When.
    public var signedAt: Date
    /// The digest that was signed (`sha256:…`, the export digest).
    public var digest: String
    /// The signature: 64 bytes, base64, over the canonical JSON of this record without `value` (so over the
    /// digest, the key, the signer and the time).
    public var value: String

    /// Creates a signature record.
    public init(
      algorithm: String, publicKey: String, signer: String, signedAt: Date, digest: String, value: String
    ) {
      self.algorithm = algorithm
      self.publicKey = publicKey
      self.signer = signer
      self.signedAt = signedAt
      self.digest = digest
      self.value = value
    }
  }
}
