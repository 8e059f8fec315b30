import Foundation

/// What a document's own tamper evidence showed when it was read. A document whose evidence does not match
/// is never archived; these are the states of documents that pass.
public enum DocumentSeal: Hashable, Sendable {
  /// An export whose digests match and whose signature is valid for the key it names. Whether that key is
  /// a registered team leader's is the archive's question (``KeyTrust``).
  case signed(SignatureRecord)
  /// An export whose digests match, not signed.
  case sealed
  /// An export without `integrity` (written before digests existed, or by the sample generator): its
  /// snapshot digest matches, nothing else can be checked.
  case unsealed
  /// An event log whose every event is chained, every link and digest matching.
  case chained
  /// An event log with version 1 events (not chained) that replays.
  case unchained

  /// The name stored in the archive: `signed`, `sealed`, `unsealed`, `chained`, `unchained`.
  public var name: String {
    switch self {
    case .signed: "signed"
    case .sealed: "sealed"
    case .unsealed: "unsealed"
    case .chained: "chained"
    case .unchained: "unchained"
    }
  }

  /// The signature, when signed.
  public var signature: SignatureRecord? {
    if case .signed(let signature) = self { return signature }
    return nil
  }
}

/// A valid signature of an export: who signed it with which key, and when (as the signer's clock said).
public struct SignatureRecord: Hashable, Sendable {
  /// The Ed25519 public key, 32 bytes in base64.
  public var publicKey: String
  /// Its fingerprint (`3f9a 0c1d 77e2 9b40`).
  public var fingerprint: String
  /// The signer's name in the signature.
  public var signer: String
  /// When it was signed, by the signer's clock.
  public var signedAt: Date

  /// Creates a record.
  public init(publicKey: String, fingerprint: String, signer: String, signedAt: Date) {
    self.publicKey = publicKey
    self.fingerprint = fingerprint
    self.signer = signer
    self.signedAt = signedAt
  }
}
