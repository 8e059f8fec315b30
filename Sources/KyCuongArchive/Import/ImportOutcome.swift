import Foundation

/// What an import did with one document.
public enum ImportOutcome: Hashable, Sendable {
  /// The document was archived (a new audit, another document of an archived state, or a later version).
  case archived(ImportReceipt)
  /// The same bytes are archived already; nothing changed.
  case alreadyArchived(StoredDocument)
  /// The document was refused; nothing of it was stored (the refusal is in the import log).
  case refused(ImportRefusal)

  /// One line for people: `archived 20261121-…: new audit`, `already archived (received … from …)`,
  /// `refused (rule): detail`.
  public var summary: String {
    switch self {
    case .archived(let receipt):
      "archived \(receipt.auditID): \(receipt.relation.summary)"
        + (receipt.keyTrust == .unknownKey ? " — signed by a key that is not registered" : "")
    case .alreadyArchived(let document):
      "already archived (received \(ArchiveTime.string(document.receivedAt)) from \(document.receivedFrom) as "
        + "\(document.fileName)); nothing changed"
    case .refused(let refusal): "refused (\(refusal.rule.rawValue)): \(refusal.description)"
    }
  }
}

/// What was archived.
public struct ImportReceipt: Hashable, Sendable {
  /// The hex SHA-256 of the document's bytes.
  public var sha256: String
  /// The audit it holds.
  public var auditID: String
  /// Export or log.
  public var kind: DocumentKind
  /// How it related to what the archive held.
  public var relation: DocumentRelation
  /// Whether its signer's key is registered.
  public var keyTrust: KeyTrust
  /// Things worth saying that did not stop the import.
  public var warnings: [String]
}

/// How an archived document related to the archive when it arrived.
public enum DocumentRelation: String, Hashable, Sendable {
  /// The first document of its audit.
  case first
  /// Another document of the state already archived (a log and its export, a signed copy); the audit's facts
  /// did not change.
  case sameState = "same-state"
  /// A later state of an archived audit, which replaced the audit's facts.
  case laterVersion = "later-version"

  /// In words.
  public var summary: String {
    switch self {
    case .first: "new audit"
    case .sameState: "another document of the archived state; the audit is unchanged"
    case .laterVersion: "a later version; the audit's facts now come from it"
    }
  }
}

/// Whether the key that signed a document is one of the archive's registered team leaders' keys.
public enum KeyTrust: String, Hashable, Sendable {
  /// Signed with a registered key that was not revoked when the document arrived.
  case registered
  /// Signed with a valid signature by a key the archive does not know (marked, not refused, unless the
  /// policy asks for a registered key).
  case unknownKey = "unknown-key"
  /// Not signed (an unsigned or unsealed export, or an event log).
  case unsigned
}

/// Choices an import makes.
public struct ImportPolicy: Hashable, Sendable {
  /// Refuse every document not signed by a registered, unrevoked key (default: such documents are archived
  /// and marked ``KeyTrust/unknownKey`` or ``KeyTrust/unsigned``). A revoked key is refused either way.
  public var requireRegisteredKey: Bool

  /// Creates a policy.
  public init(requireRegisteredKey: Bool = false) {
    self.requireRegisteredKey = requireRegisteredKey
  }
}
