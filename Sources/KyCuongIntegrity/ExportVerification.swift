import Foundation
import KyCuong

/// What ``ExportIntegrity/verify(exportData:log:trustedKey:)`` found.
public struct ExportVerification: Hashable, Sendable {
  /// Something that does not check out.
  public enum Problem: Hashable, Sendable, CustomStringConvertible {
    /// The file is not an export this library reads.
    case unreadable(ExportError)
    /// `checklist.digest` is not the digest of the snapshot.
    case checklistDigestMismatch
    /// `integrity.snapshotDigest` is not the digest of the snapshot.
    case snapshotDigestMismatch
    /// The export digest could not be computed.
    case digestFailed(String)
    /// `integrity.exportDigest` is missing.
    case exportDigestMissing
    /// `integrity.exportDigest` does not match the content: the export was changed after it was sealed.
    case exportDigestMismatch
    /// A key was required, and the export is not sealed.
    case notSealed
    /// A key was required, and the export is not signed.
    case notSigned
    /// A signature algorithm other than Ed25519.
    case unknownAlgorithm(String)
    /// The signature's public key is not a 32-byte Ed25519 key in base64.
    case malformedPublicKey
    /// The signed digest is not the export's digest: the export was changed after signing.
    case signedDigestMismatch
    /// The signature is not valid for its digest and key.
    case invalidSignature
    /// A valid signature, by a key other than the one expected.
    case untrustedKey(fingerprint: String, expected: String, expectedSigner: String)
    /// `integrity.chainHead` is not the head of the given log.
    case chainHeadMismatch(stored: String, log: String?)
    /// The export's content is not what the given log gives.
    case differsFromLog
    /// The given log does not replay.
    case logDoesNotReplay(AuditError)

    /// What is wrong, in English.
    public var description: String {
      switch self {
      case .unreadable(let error): error.description
      case .checklistDigestMismatch:
        "checklist.digest does not match the snapshot: the snapshot or its digest was changed"
      case .snapshotDigestMismatch:
        "integrity.snapshotDigest does not match the snapshot: the snapshot or the digest was changed"
      case .digestFailed(let reason): reason
      case .exportDigestMissing: "integrity.exportDigest is missing"
      case .exportDigestMismatch:
        "integrity.exportDigest does not match the content: the export was changed after it was sealed"
      case .notSealed: "the export is not signed (it has no `integrity`)"
      case .notSigned: "the export is not signed; --key needs a signed export (`finish --sign`)"
      case .unknownAlgorithm(let name): "unknown signature algorithm \"\(name)\""
      case .malformedPublicKey: "integrity.signature.publicKey is not a 32-byte Ed25519 key in base64"
      case .signedDigestMismatch:
        "the signed digest is not the export's digest: the export was changed after signing"
      case .invalidSignature: "the signature is not valid for its digest and key"
      case .untrustedKey(let fingerprint, let expected, let signer):
        "signed with key \(fingerprint), not with the given key \(expected) (\(signer))"
      case .chainHeadMismatch(let stored, let log):
        "integrity.chainHead \(stored) is not the head of the log (\(log ?? "no event")): "
          + "the log or the export was changed, or they are of different audits"
      case .differsFromLog: "the export's content differs from what its log gives: one of them was changed"
      case .logDoesNotReplay(let error): "the log does not replay: \(error)"
      }
    }
  }

  /// The audit's id, when the export could be read.
  public var auditID: String?
  /// Whether the export has an `integrity` field.
  public var sealed = false
  /// Its chain head.
  public var chainHead: String?
  /// The export digest computed from the file.
  public var exportDigest: String?
  /// Who signed, when signed.
  public var signer: String?
  /// When it was signed.
  public var signedAt: Date?
  /// The fingerprint of the signing key.
  public var fingerprint: String?
  /// Whether the signature is valid for the digest and the key it names.
  public var signatureValid = false
  /// Whether the signing key is the trusted key given to the check.
  public var signatureTrusted = false
  /// Every problem; empty when everything checked matches.
  public var problems: [Problem] = []

  /// Creates an empty result (nothing checked yet).
  public init() {}

  /// Whether nothing failed.
  public var isIntact: Bool { problems.isEmpty }
}

/// Sealing, signing or checking failed; the reason says what to fix.
public struct IntegrityError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Why.
  public var reason: String
  /// Creates the error.
  ///
  /// - Parameter reason: What went wrong and what to do.
  public init(reason: String) { self.reason = reason }
  /// The reason.
  public var description: String { reason }
}
