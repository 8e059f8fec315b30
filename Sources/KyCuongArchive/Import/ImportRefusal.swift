/// Why a document was not archived: the rule it breaks and the detail. Nothing of a refused document is
/// stored; the refusal itself is written to the import log.
///
/// ```swift
/// ImportRefusal(.integrity, "integrity.exportDigest does not match the content").description
/// // "export digest or signature: integrity.exportDigest does not match the content"
/// ```
public struct ImportRefusal: Error, Hashable, Sendable, CustomStringConvertible {
  /// The rule.
  public var rule: Rule
  /// What is wrong, naming the line, field or document.
  public var detail: String

  /// Creates a refusal.
  public init(_ rule: Rule, _ detail: String) {
    self.rule = rule
    self.detail = detail
  }

  /// "RULE: DETAIL", the rule in words.
  public var description: String { "\(rule.summary): \(detail)" }

  /// The rules a document must keep to be archived.
  public enum Rule: String, CaseIterable, Hashable, Sendable {
    /// The file cannot be read (missing, a folder, too large, no permission).
    case unreadable
    /// The bytes are neither an audit export nor an event log, or a JSON key occurs twice.
    case notAnAudit = "not-an-audit"
    /// A kind of document a version does not read. No longer given (bundles are read since the schema's
    /// version 2); kept so that an import log written before reads.
    case unsupportedKind = "unsupported-kind"
    /// An audit bundle (a zip) that is not readable, too large when decompressed, or whose files do not
    /// match its manifest, its audit's attachments, or each other (its export against its log).
    case bundle
    /// An event log whose hash chain or lines do not match, or whose events do not replay.
    case chain
    /// An export whose snapshot digest, export digest or signature does not match its content.
    case integrity
    /// Signed with a key the archive has revoked.
    case revokedKey = "revoked-key"
    /// The policy asks for a registered key's signature and the document has none.
    case unregisteredSigner = "unregistered-signer"
    /// The checklist snapshot claims a standard or archived checklist's id and version with other content.
    case checklist
    /// The items contradict the checklist snapshot (an item it does not have, an answer its kind refuses).
    case inconsistent
    /// The audit id is archived with content this document neither equals nor extends.
    case conflict
    /// An earlier state of an audit the archive holds in a later state.
    case earlierVersion = "earlier-version"

    /// The rule in words, for messages.
    public var summary: String {
      switch self {
      case .unreadable: "cannot read the file"
      case .notAnAudit: "not an audit export or event log"
      case .unsupportedKind: "not a kind of document this version archives"
      case .bundle: "the bundle's files against its manifest and its audit"
      case .chain: "hash chain of the event log"
      case .integrity: "export digest or signature"
      case .revokedKey: "signed with a revoked key"
      case .unregisteredSigner: "not signed by a registered key"
      case .checklist: "checklist version"
      case .inconsistent: "items do not match the checklist"
      case .conflict: "another document holds this audit id"
      case .earlierVersion: "an earlier version of an archived audit"
      }
    }
  }
}
