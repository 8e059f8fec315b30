import Foundation

/// A document the archive holds: who sent it, when, what it is and how it proved itself (the bytes are read
/// with ``DepartmentArchive/content(of:)``).
public struct StoredDocument: Hashable, Sendable {
  /// The hex SHA-256 of its bytes.
  public var sha256: String
  /// Export or log.
  public var kind: DocumentKind
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
  /// How it related to the archive when it arrived.
  public var relation: DocumentRelation
  /// Its entry in the import log (``DepartmentArchive/importLog(last:)``): the order documents arrived in.
  public var importEntry: Int
  /// Events in the state it holds.
  public var eventCount: Int
  /// The chain head of that state, when known.
  public var chainHead: String?
  /// The digest of the state's content (``AuditVersion/stateDigest``).
  public var stateDigest: String
  /// What its tamper evidence showed when it arrived (the signature, when signed).
  public var seal: DocumentSeal
  /// Whether its signing key was a registered team leader's when it arrived.
  public var keyTrust: KeyTrust
}
