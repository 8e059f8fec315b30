import Foundation
import KyCuongModel
import KyCuongSupport

/// One accepted change to an audit. An audit is the list of its events; its state is a fold over them.
///
/// Two events are equal when they record the same change (sequence, time, author, change). The chain fields
/// ``previousDigest`` and ``lineDigest`` say where and how an event was stored, not what it records, and are
/// not compared: an event read back from a chained log equals the one recorded in memory.
public struct AuditEvent: Hashable, Sendable {
  /// Position in the log, from 1.
  public var sequence: Int
  /// When the change was made.
  public var time: Date
  /// Who made it (an inspector's name).
  public var author: String
  /// What changed.
  public var change: Change
  /// Event format 2 (hash chain): `prev`, the hex SHA-256 of the exact bytes of the previous line of the log
  /// (without its newline); for the first line, the SHA-256 of no bytes. `nil` in a version 1 event.
  /// The library only carries it; `KyCuongIntegrity` computes and checks it.
  public var previousDigest: String?
  /// Event format 2: `sum`, the hex SHA-256 of this event's own line with the member `"sum":"…"` and one
  /// adjacent comma removed, so that a change to the last line of a log is detected too. `nil` in version 1.
  public var lineDigest: String?

  /// Creates an event.
  ///
  /// - Parameters:
  ///   - sequence: Position in the log, from 1.
  ///   - time: When the change was made.
  ///   - author: Who made it.
  ///   - change: What changed.
  ///   - previousDigest: The chain's `prev`, when read from a chained log.
  ///   - lineDigest: The chain's `sum`, when read from a chained log.
  public init(
    sequence: Int, time: Date, author: String, change: Change, previousDigest: String? = nil,
    lineDigest: String? = nil
  ) {
    self.sequence = sequence
    self.time = time
    self.author = author
    self.change = change
    self.previousDigest = previousDigest
    self.lineDigest = lineDigest
  }

  /// Whether two events record the same change; the chain fields are not compared.
  public static func == (lhs: AuditEvent, rhs: AuditEvent) -> Bool {
    lhs.sequence == rhs.sequence && lhs.time == rhs.time && lhs.author == rhs.author
      && lhs.change == rhs.change
  }

  /// Hashes what `==` compares (not the chain fields).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(sequence)
    hasher.combine(time)
    hasher.combine(author)
    hasher.combine(change)
  }

  /// What an event changes.
  public enum Change: Hashable, Sendable {
    /// The audit started: checklist snapshot, unit, team, visit type. Always the first event.
    case started(AuditHeader)
    /// An item was answered; a later answer overrides an earlier one, which stays in the item's history.
    case answered(item: ItemID, outcome: Outcome, remark: String?)
    /// An item was not checked, with the reason.
    case skipped(item: ItemID, reason: String)
    /// An evidence note, on an item or on the audit as a whole.
    case noted(item: ItemID?, text: String)
    /// An attached file, on an item or on the audit as a whole.
    case attached(item: ItemID?, attachment: Attachment)
    /// The unit's explanation, on an item or on the audit as a whole, in the words of `speaker` (the unit's
    /// representative, as a rule), who is not the person typing it.
    case explained(item: ItemID?, text: String, speaker: String? = nil)
    /// A finding of the team.
    case finding(text: String)
    /// A recommendation of the team.
    case recommendation(text: String)
    /// A corrective action for the unit.
    case correctiveAction(what: String, owner: String, due: CalendarDate, item: ItemID?)
    /// The unit's representative who signs the record, and their position.
    case representative(name: String, title: String? = nil)
    /// The number of staff present at the unit, counted on arrival: the default number observed of an
    /// observation answer given as a single count.
    case staffPresent(count: Int)
    /// An earlier entry withdrawn: the note, attachment, explanation, finding, recommendation, corrective
    /// action, answer or skip that event `event` made, or an earlier retraction (which reinstates its
    /// entry). The withdrawn event stays in the log and in the export's ``AuditExport/retractions``.
    case retracted(event: Int, reason: String)
    /// The audit was closed.
    case finished
    /// A finished audit was opened again, and why; only until it is signed.
    case reopened(reason: String)
    /// The number of pages the record has and of copies made of it, as the closing statement gives them.
    case recordDetails(pages: Int, copies: Int)
    /// Someone refused to sign the record, and the reason they gave.
    case refusedToSign(name: String, reason: String)
    /// The record was signed: on paper by the parties, and digitally with the key whose fingerprint is
    /// given, if any. A signed audit takes no more changes.
    case signed(signer: String, keyFingerprint: String?)
    /// A member joined a team audit on device `device`: the second event of a member's log, after a copy of
    /// the leader's `started` line (``TeamMerge``). A log with this event is a member's contribution: it
    /// takes no finishing, reopening, paper details, refusals, signing or resolving, which are the leader's.
    case joined(device: String)
    /// The leader invited `member` to record on their own device (`kycuong audit invite`): from then on the
    /// audit is a team audit, and what applies and what is open is judged on the devices' logs merged.
    case invited(member: String)
    /// The leader settled an item: its answer (or, when `outcome` is `nil`, its skip with `reason` as the
    /// skip's reason), why, and the answers it settles, each named by device and sequence number in that
    /// device's log (``EventReference``). An answer recorded later, or one not named, is not settled.
    case resolved(item: ItemID, outcome: Outcome?, reason: String, settles: [EventReference])

    /// The event type's name in the log: `started`, `answered`, `skipped`, `noted`, ….
    public var typeName: String {
      switch self {
      case .started: "started"
      case .answered: "answered"
      case .skipped: "skipped"
      case .noted: "noted"
      case .attached: "attached"
      case .explained: "explained"
      case .finding: "finding"
      case .recommendation: "recommendation"
      case .correctiveAction: "correctiveAction"
      case .representative: "representative"
      case .staffPresent: "staffPresent"
      case .retracted: "retracted"
      case .finished: "finished"
      case .reopened: "reopened"
      case .recordDetails: "recordDetails"
      case .refusedToSign: "refusedToSign"
      case .signed: "signed"
      case .joined: "joined"
      case .invited: "invited"
      case .resolved: "resolved"
      }
    }

    /// Whether the change answers or skips its item: an answer, a skip or a resolution.
    public var isAnswer: Bool { answerState != nil }

    /// The state an answer, skip or resolution gives its item; `nil` for other changes.
    public var answerState: ItemState? {
      switch self {
      case .answered(_, let outcome, _): .answered(outcome)
      case .skipped(_, let reason): .skipped(reason: reason)
      case .resolved(_, let outcome?, _, _): .answered(outcome)
      case .resolved(_, nil, let reason, _): .skipped(reason: reason)
      default: nil
      }
    }

    /// The remark an answer gives with it: its own, or a resolution's reason.
    public var answerRemark: String? {
      switch self {
      case .answered(_, _, let remark): remark
      case .resolved(_, _?, let reason, _): reason
      default: nil
      }
    }

    /// Whether only the team leader's log may hold the change: closing the record and settling conflicts.
    public var isLeaders: Bool {
      switch self {
      case .finished, .reopened, .recordDetails, .refusedToSign, .signed, .resolved, .invited: true
      default: false
      }
    }

    /// The item the change is about, if any.
    public var itemID: ItemID? {
      switch self {
      case .answered(let item, _, _), .skipped(let item, _): item
      case .noted(let item, _), .attached(let item, _), .explained(let item, _, _): item
      case .correctiveAction(_, _, _, let item): item
      case .resolved(let item, _, _, _): item
      default: nil
      }
    }

    /// Whether a later ``retracted(event:reason:)`` may withdraw what this change made: answers, skips,
    /// resolutions and every kind of entry may be withdrawn; the start, joining, finishing, reopening and
    /// signing may not.
    public var isRetractable: Bool {
      switch self {
      case .started, .finished, .reopened, .signed, .joined, .invited: false
      default: true
      }
    }
  }
}

extension AuditEvent {
  /// The id of the audit a `started` event opens; nil for every other event. What a log says it is a log
  /// of, when two logs are compared (a team's merge, a member's copy).
  package var startedAuditID: String? {
    if case .started(let header) = change { return header.id }
    return nil
  }
}
