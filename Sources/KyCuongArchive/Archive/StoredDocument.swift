import Foundation

/// A document the archive holds: who sent it, when, what it is and how it proved itself (the bytes are read
/// with ``DepartmentArchive/content(of:)``).
public struct StoredDocument: Hashable, Sendable {
  /// The hex SHA-256 of its bytes.
  public var sha256: String
  /// Export, log or bundle.
  public var kind: String
  /// The audit it holds.
  public var auditID: String
  /// Its size.
  public var byteCount: Int
  /// When the archive received it.
  public var receivedAt: Date
  /// Who sent it, as the importer said.
  public var receivedFrom: String
  /// The file's name as it was imported.
  public var fileName: String
  /// How it related to the archive when it arrived (`first`, `same-state`, `later-version`).
  public var relation: String
  /// Its entry in the import log (``DepartmentArchive/importLog()``): the order documents arrived in.
  public var importEntry: Int
  /// Events in the state it holds.
  public var eventCount: Int
  /// The chain head of that state, when known.
  public var chainHead: String?
  /// The digest of the state's content (``AuditVersion/stateDigest``).
  public var stateDigest: String
  /// Its tamper evidence: `signed`, `sealed`, `unsealed`, `chained`, `unchained`.
  public var seal: String
  /// The signer's name, when signed.
  public var signer: String?
  /// The signing key's fingerprint, when signed.
  public var signerFingerprint: String?
  /// When it was signed (the signer's clock), when signed.
  public var signedAt: Date?
  /// `registered`, `unknown-key` or `unsigned`, as judged when it arrived.
  public var keyTrust: String
}
