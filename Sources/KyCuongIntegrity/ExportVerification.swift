import Foundation
import KyCuong

/// What ``ExportIntegrity/verify(exportData:log:trustedKeys:)`` found.
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
    /// A valid signature, by a key that is not among those expected; `expected` are the expected keys of
    /// the signature's name when there are any, else all the expected keys.
    case untrustedKey(fingerprint: String, signer: String, expected: [PublicSigningKey])
    /// A valid signature by an expected key, but in the name of someone else than the key's owner.
    case keyOfAnotherSigner(fingerprint: String, signer: String, owner: String)
    /// `integrity.chainHead` is not the head of the given log.
    case chainHeadMismatch(stored: String, log: String?)
    /// The export's content is not what the given log gives.
    case differsFromLog
    /// The given log does not replay.
    case logDoesNotReplay(AuditError)
    /// A device's log given with a team export (the `log`-th, from 1) is not an intact chained log.
    case deviceLogBroken(log: Int, reason: String)
    /// The devices' logs given do not merge into one audit.
    case deviceLogsDoNotMerge(TeamMergeError)
    /// A device the export lists has a log whose head differs, or no log was given for it (`log` `nil`).
    case deviceHeadMismatch(device: String, stored: String, log: String?)
    /// A log was given for a device the export does not list.
    case deviceNotInExport(device: String)

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
      case .notSealed:
        "the export is not signed (it has no `integrity`), and a signature by an expected key is required"
      case .notSigned:
        "the export is not signed, and a signature by an expected key is required (`finish --sign` signs it)"
      case .unknownAlgorithm(let name): "unknown signature algorithm \"\(name)\""
      case .malformedPublicKey: "integrity.signature.publicKey is not a 32-byte Ed25519 key in base64"
      case .signedDigestMismatch:
        "the signed digest is not the export's digest: the export was changed after signing"
      case .invalidSignature: "the signature is not valid for its digest and key"
      case .untrustedKey(let fingerprint, let signer, let expected):
        "signed in the name of \(signer) with key \(fingerprint), which is not an expected key ("
          + expected.map { "\($0.fingerprint), \($0.signer)" }.joined(separator: "; ")
          + "): anyone can make a key and sign in any name"
      case .keyOfAnotherSigner(let fingerprint, let signer, let owner):
        "signed in the name of \(signer) with key \(fingerprint), which is \(owner)'s key"
      case .chainHeadMismatch(let stored, let log):
        "integrity.chainHead \(stored) is not the head of the log (\(log ?? "no event")): "
          + "the log or the export was changed, or they are of different audits"
      case .differsFromLog: "the export's content differs from what its log gives: one of them was changed"
      case .logDoesNotReplay(let error): "the log does not replay: \(error)"
      case .deviceLogBroken(let log, let reason): "device log \(log) is not intact: \(reason)"
      case .deviceLogsDoNotMerge(let error): "the devices' logs do not merge: \(error)"
      case .deviceHeadMismatch(let device, let stored, let log):
        if let log {
          "device \(device): the export pins its log at \(stored), but the log given ends at \(log): the log or "
            + "the export was changed, or the log went on after the export was made"
        } else {
          "device \(device): the export pins its log at \(stored), but no log of that device was given"
        }
      case .deviceNotInExport(let device):
        "device \(device): a log was given for it, but the export does not list it (it was made without it)"
      }
    }

    /// Whether the problem is that the export's content or a digest does not match (it was changed, or is
    /// not an export).
    public var isDigestProblem: Bool {
      switch self {
      case .unreadable, .checklistDigestMismatch, .snapshotDigestMismatch, .digestFailed,
        .exportDigestMissing,
        .exportDigestMismatch, .signedDigestMismatch:
        true
      default: false
      }
    }

    /// Whether the problem is that the export and the log given with it do not match.
    public var isLogProblem: Bool {
      switch self {
      case .chainHeadMismatch, .differsFromLog, .logDoesNotReplay, .deviceLogBroken, .deviceLogsDoNotMerge,
        .deviceHeadMismatch, .deviceNotInExport:
        true
      default: false
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
  /// Whether the signature is valid and its key is one of the keys expected by the check, in its owner's name.
  public var signatureTrusted = false
  /// Every problem; empty when everything checked matches.
  public var problems: [Problem] = []
  /// The check of the log given with the export, if one was (its chain, read in the same pass as the audit it
  /// replays into); its problems are not among ``problems``.
  public var logChain: LogVerification?

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
