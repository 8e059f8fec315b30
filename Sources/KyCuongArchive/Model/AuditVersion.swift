import Foundation

/// Which state of an audit a document holds, and how two documents of one audit relate.
///
/// An audit is an append-only list of events, so its states are ordered: a later state has every event of
/// an earlier one and more. A log proves its place by its hash chain (the digest of every line); an export
/// carries only the chain's head (`integrity.chainHead`) and its event count.
///
/// Two documents of the same audit id relate as follows (``relation(to:)``, `self` the new document):
/// - **same state**: equal state digests — the same content, whatever the document's form (a log and its
///   export, a signed and an unsigned copy);
/// - **later**: the new document's chain contains the archived head before its end (proved), or, when the
///   longer side has no lines to prove it with (an export), it has more events and the archived state is not
///   finished — a finished audit takes no more events;
/// - **earlier**: the same, the other way round;
/// - **conflict**: anything else — another visit under the same id, chains that diverge, a document that
///   claims the archived chain head with other content, or the same number of events with different content.
public struct AuditVersion: Hashable, Sendable {
  /// What must agree for two documents to be of the same audit: the unit, the checklist snapshot, the start
  /// and the leader (all fixed by the audit's first event).
  public struct Identity: Hashable, Sendable {
    /// The unit's name.
    public var unit: String
    /// The checklist snapshot's digest.
    public var checklistDigest: String
    /// The start of the visit.
    public var startedAt: Date
    /// The team leader.
    public var leader: String

    /// Creates an identity.
    public init(unit: String, checklistDigest: String, startedAt: Date, leader: String) {
      self.unit = unit
      self.checklistDigest = checklistDigest
      self.startedAt = startedAt
      self.leader = leader
    }
  }

  /// The audit's identity.
  public var identity: Identity
  /// Number of events.
  public var eventCount: Int
  /// `sha256:` and the digest of the last line of the log: an export's `integrity.chainHead`; `nil` for an
  /// export without `integrity`.
  public var chainHead: String?
  /// Whether the audit is finished in this state.
  public var finished: Bool
  /// `sha256:` and the digest of the state's content as the library exports it (without `integrity`): equal
  /// for every document of the same state, whatever its form.
  public var stateDigest: String
  /// For a log: the digest (`sha256:…`) of every line, oldest first. `nil` for an export.
  public var chain: [String]?

  /// Creates a version.
  public init(
    identity: Identity, eventCount: Int, chainHead: String?, finished: Bool, stateDigest: String,
    chain: [String]?
  ) {
    self.identity = identity
    self.eventCount = eventCount
    self.chainHead = chainHead
    self.finished = finished
    self.stateDigest = stateDigest
    self.chain = chain
  }

  /// How this version relates to `archived`, the version the archive holds for the same audit id.
  public func relation(to archived: AuditVersion) -> Relation {
    guard identity == archived.identity else {
      return .conflict(
        "it is another visit under the same audit id: "
          + Self.identityDifference(archived.identity, identity))
    }
    if stateDigest == archived.stateDigest { return .sameState }
    if let head = chainHead, head == archived.chainHead {
      return .conflict(
        "it claims the archived state's chain head \(head) but its content differs from the archived state")
    }
    // Proof by a chain: the longer log must hold the shorter state's head.
    if let head = archived.chainHead, let chain, eventCount > archived.eventCount {
      return chain.dropLast().contains(head)
        ? .later(proved: true)
        : .conflict(
          "its chain does not contain the archived state's head \(head): the two logs diverge")
    }
    if let head = chainHead, let archivedChain = archived.chain, archived.eventCount > eventCount {
      return archivedChain.dropLast().contains(head)
        ? .earlier
        : .conflict("the archived log's chain does not contain this document's head \(head): they diverge")
    }
    // No lines to prove it with: the event count decides, and a finished audit has no later state.
    if eventCount > archived.eventCount {
      return archived.finished
        ? .conflict(
          "the archived state (\(archived.eventCount) events) is finished, so no later state exists, yet this "
            + "document has \(eventCount) events")
        : .later(proved: false)
    }
    if eventCount < archived.eventCount {
      return finished
        ? .conflict(
          "this document is finished with \(eventCount) events, yet the archive holds \(archived.eventCount)")
        : .earlier
    }
    return .conflict(
      "it has the same number of events (\(eventCount)) as the archived state but different content"
        + (chainHead == nil || archived.chainHead == nil ? " (one of them has no chain head to compare)" : "")
    )
  }

  /// How a new document relates to the archived version of its audit.
  public enum Relation: Hashable, Sendable {
    /// The same state of the audit in another document.
    case sameState
    /// A later state; `proved` when a hash chain shows it extends the archived one.
    case later(proved: Bool)
    /// An earlier state.
    case earlier
    /// Not the same audit, or a state that is neither earlier nor later, with the reason.
    case conflict(String)
  }

  private static func identityDifference(_ archived: Identity, _ new: Identity) -> String {
    var parts: [String] = []
    if archived.unit != new.unit { parts.append("unit \"\(archived.unit)\" archived, \"\(new.unit)\" here") }
    if archived.checklistDigest != new.checklistDigest {
      parts.append("checklist snapshot \(archived.checklistDigest) archived, \(new.checklistDigest) here")
    }
    if archived.startedAt != new.startedAt {
      parts.append(
        "started \(ArchiveTime.string(archived.startedAt)) archived, \(ArchiveTime.string(new.startedAt)) here"
      )
    }
    if archived.leader != new.leader {
      parts.append("leader \"\(archived.leader)\" archived, \"\(new.leader)\" here")
    }
    return parts.joined(separator: "; ")
  }
}
