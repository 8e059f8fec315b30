import KyCuongModel

/// Why a change to an audit, or reading one, was refused. Each case says what to fix.
public indirect enum AuditError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No item has this id in the audit's checklist.
  case unknownItem(ItemID)
  /// The answer does not fit the item's kind.
  case outcomeNotAccepted(item: ItemID, problem: OutcomeProblem)
  /// The item does not apply, because of its `applicableWhen`.
  case itemNotApplicable(item: ItemID, condition: ApplicabilityCondition)
  /// A text that must not be empty is empty.
  case emptyText(field: TextField)
  /// The audit is finished; it takes no more changes.
  case alreadyFinished
  /// Finishing was refused: these applicable items are neither answered nor skipped.
  case openItems([ItemID])
  /// An attachment's file could not be read.
  case attachmentUnreadable(path: String, problem: AttachmentProblem)
  /// A log or an event list holds no event.
  case emptyLog
  /// The first event of a log is not `started`.
  case firstEventNotStarted
  /// A `started` event after the first.
  case startedAgain
  /// An event's sequence number does not follow the one before it (a spliced or reordered log).
  case sequenceOutOfOrder(sequence: Int, after: Int)
  /// An event of a log that was refused when replayed, and why.
  case invalidEvent(sequence: Int, type: String, reason: AuditError)
  /// The item already has this answer (and remark): recording it again would change nothing.
  case unchanged(item: ItemID)
  /// The record is signed: the audit takes no more changes and cannot be reopened.
  case alreadySigned
  /// Reopening or signing an audit that is not finished.
  case notFinished
  /// No event has this sequence number.
  case noSuchEvent(Int)
  /// The event cannot be withdrawn (the start, finishing, reopening or signing).
  case notRetractable(event: Int, type: String)
  /// The event's entry is withdrawn already.
  case alreadyRetracted(Int)
  /// A count that must be at least 1 (staff present, pages, copies) is not.
  case invalidCount(field: CountField, value: Int)
  /// A member's log (one with a `joined` event) holds a change only the team leader makes.
  case leadersOnly(type: String)
  /// A `joined` event anywhere but second in a log, right after the leader's `started`.
  case joinedOutOfPlace
  /// A device id that is not 1 to 40 lowercase letters, digits or `-`, or that is `leader`.
  case invalidDevice(String)
  /// Who joins is not in the audit's inspection team.
  case notATeamMember(String)
  /// A resolution names no answer it settles.
  case settlesNothing(item: ItemID)
  /// A resolution names an event that is not an answer or skip of its item in the merged audit.
  case notAnAnswer(EventReference, item: ItemID)

  /// A text of an audit that must not be empty.
  public enum TextField: String, Hashable, Sendable, CaseIterable {
    /// A text answer.
    case answer
    /// The reason an item was not checked.
    case skipReason
    /// An evidence note.
    case note
    /// The unit's explanation.
    case explanation
    /// A finding.
    case finding
    /// A recommendation.
    case recommendation
    /// The name of the unit's representative.
    case representative
    /// What a corrective action asks.
    case action
    /// Who is responsible for a corrective action.
    case owner
    /// Why an entry is withdrawn, an audit reopened or a signature refused.
    case reason
    /// The name of who signs or refuses to sign.
    case name
  }

  /// A count of an audit that must be at least 1.
  public enum CountField: String, Hashable, Sendable, CaseIterable {
    /// The number of staff present.
    case staffPresent
    /// The record's pages.
    case pages
    /// The record's copies.
    case copies
  }

  /// What went wrong and what to do.
  public var description: String {
    switch self {
    case .unknownItem(let id): "no item \"\(id)\" in this checklist"
    case .outcomeNotAccepted(let item, let problem): "\(item): \(problem)"
    case .itemNotApplicable(let item, let condition):
      "\(item) does not apply: it applies only when \(condition.summary)"
    case .emptyText(let field): "the \(field.words) must not be empty"
    case .alreadyFinished: "the audit is finished and takes no more changes"
    case .openItems(let ids):
      "cannot finish: \(ids.count) applicable item(s) neither answered nor skipped: "
        + ids.map(\.rawValue).joined(separator: ", ")
    case .attachmentUnreadable(let path, let problem): "cannot attach \(path): \(problem)"
    case .emptyLog: "not a valid audit log: it holds no event"
    case .firstEventNotStarted: "not a valid audit log: the first event must be \"started\""
    case .startedAgain: "not a valid audit log: an audit has only one \"started\" event"
    case .sequenceOutOfOrder(let sequence, let after):
      "not a valid audit log: sequence number \(sequence) does not follow \(after)"
    case .invalidEvent(let sequence, let type, let reason):
      "not a valid audit log: event \(sequence) (\(type)): \(reason.descriptionWithinLog)"
    case .unchanged(let item): "\(item) already has this answer; nothing changes"
    case .alreadySigned: "the record is signed: the audit takes no more changes and cannot be reopened"
    case .notFinished: "the audit is not finished"
    case .noSuchEvent(let sequence): "no event #\(sequence) in this audit"
    case .notRetractable(let sequence, let type):
      "event #\(sequence) (\(type)) cannot be withdrawn; only answers, skips and entries can"
    case .alreadyRetracted(let sequence): "event #\(sequence) is withdrawn already"
    case .invalidCount(let field, let value): "the \(field.words) must be at least 1, found \(value)"
    case .leadersOnly(let type):
      "only the team leader records \"\(type)\": this log is a member's contribution (it has a \"joined\" "
        + "event); the leader does it on the merged audit"
    case .joinedOutOfPlace:
      "a \"joined\" event can only be the second event of a member's log, right after the leader's \"started\""
    case .invalidDevice(let id):
      "\"\(id)\" cannot name a device: 1 to 40 lowercase letters, digits or \"-\", and not \"leader\""
    case .notATeamMember(let name): "\(name) is not in this audit's inspection team"
    case .settlesNothing(let item):
      "a resolution of \(item) must name the answers it settles (device#sequence)"
    case .notAnAnswer(let reference, let item):
      "\(reference) is not an answer or skip of \(item) in this audit"
    }
  }

  /// The description without the "not a valid audit log: " that a log-level reason starts with, for the
  /// message of an invalid event, which says it once already.
  private var descriptionWithinLog: String {
    let prefix = "not a valid audit log: "
    let text = description
    return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
  }
}

extension AuditError.TextField {
  /// The field in English words: `reason`, `note`, `representative's name`.
  public var words: String {
    switch self {
    case .answer: "answer"
    case .skipReason: "reason"
    case .note: "note"
    case .explanation: "explanation"
    case .finding: "finding"
    case .recommendation: "recommendation"
    case .representative: "representative's name"
    case .action: "action"
    case .owner: "owner"
    case .reason: "reason"
    case .name: "name"
    }
  }
}

extension AuditError.CountField {
  /// The count in English words: `number of staff present`, `number of pages`.
  public var words: String {
    switch self {
    case .staffPresent: "number of staff present"
    case .pages: "number of pages"
    case .copies: "number of copies"
    }
  }
}
