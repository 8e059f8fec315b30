import Foundation
import KyCuongAudit
import KyCuongExport
import KyCuongModel
import KyCuongSupport

extension InspectionRecord {
  /// What was proven about the export a record is made from. The core library has no signature code: the
  /// caller checks the export (`KyCuongIntegrity`'s `ExportIntegrity.authenticity(ofExportJSON:trustedKeys:)`)
  /// and says what it found; the record states exactly that, and shows a digital-signature block only for
  /// a signature that verified.
  public enum Authenticity: Hashable, Sendable {
    /// Nobody checked; the record says its integrity was not checked.
    case unchecked
    /// The export carries no digests, so nothing could be checked.
    case unsealed
    /// Its digests match, and it is not signed.
    case sealed
    /// Its digests match and its signature is valid: by `signer`, with the key of `fingerprint`;
    /// `keyTrusted` says whether that key is one the checker expected (a registered or given key).
    case signed(signer: String, fingerprint: String, signedAt: Date, keyTrusted: Bool)
    /// A digest or the signature does not verify, or the log's chain is broken: the record says so
    /// prominently and shows no signature block.
    case failed(reasons: [String])
  }
}
