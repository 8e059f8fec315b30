import Foundation

/// An audit in progress or finished: an append-only list of events and the state they fold into.
///
/// Every change goes through ``record(_:by:at:)``, which checks it, appends an event and applies it; reading
/// a log back replays the same events through the same code, so the state on disk and in memory agree.
///
/// ```swift
/// var audit = Audit(header: header, by: "Nguyễn Văn An", at: .now)
/// try audit.record(.answered(item: "BADGE-01", outcome: .observation(compliant: 10, observed: 12), remark: nil),
///                  by: "Nguyễn Văn An", at: .now)
/// let report = audit.score()
/// ```
public struct Audit: Hashable, Sendable {
  /// What the audit is of.
  public private(set) var header: AuditHeader
  /// Every accepted event, oldest first; the first is `started`.
  public private(set) var events: [AuditEvent]
  /// The record of each item, by item id (every item of the checklist has one).
  public private(set) var records: [String: ItemRecord]
  /// Notes, attachments and explanations not tied to an item.
  public private(set) var general: ItemRecord
  /// Findings of the team.
  public private(set) var findings: [Remark] = []
  /// Recommendations of the team.
  public private(set) var recommendations: [Remark] = []
  /// Corrective actions for the unit.
  public private(set) var correctiveActions: [CorrectiveAction] = []
  /// When the audit was finished, if it was.
  public private(set) var finishedAt: Date?

  /// Starts an audit: the `started` event is its first.
  public init(header: AuditHeader, by author: String, at time: Date) {
    self.header = header
    let event = AuditEvent(
      sequence: 1, time: Timestamp.wholeSeconds(time), author: author, change: .started(header))
    self.events = [event]
    self.records = Dictionary(
      uniqueKeysWithValues: header.checklist.items.map { ($0.id, ItemRecord(itemID: $0.id)) })
    self.general = ItemRecord(itemID: "")
  }

  /// Rebuilds an audit from its events, checking each as it was checked when it was recorded.
  ///
  /// - Throws: ``AuditError`` naming the first event that is not valid.
  public init(replaying events: [AuditEvent]) throws(AuditError) {
    guard let first = events.first, case .started(let header) = first.change else {
      throw .badLog(reason: "the first event must be \"started\"")
    }
    self.init(header: header, by: first.author, at: first.time)
    self.events = [first]
    for event in events.dropFirst() {
      do throws(AuditError) {
        // Numbers only grow (a gap is a lost line, which the reader reports; a step back is a spliced file).
        if let last = self.events.last, event.sequence <= last.sequence {
          throw AuditError.badLog(
            reason: "sequence number \(event.sequence) does not follow \(last.sequence)")
        }
        try validate(event.change)
      } catch {
        let reason = if case .badLog(let reason) = error { reason } else { error.description }
        throw .badLog(reason: "event \(event.sequence) (\(event.change.typeName)): \(reason)")
      }
      apply(event)
    }
  }

  /// The audit's id.
  public var id: String { header.id }
  /// The checklist snapshot.
  public var checklist: Checklist { header.checklist }
  /// When the audit started.
  public var startedAt: Date { events[0].time }
  /// Whether the audit is closed.
  public var isFinished: Bool { finishedAt != nil }

  /// Each item's state, by id.
  public var states: [String: ItemState] { records.mapValues(\.state) }

  /// Which items apply, given the answers so far.
  public var applicability: Applicability { Applicability(checklist: checklist, states: states) }

  /// The items that apply, in checklist order.
  public var applicableItems: [Item] {
    let applicability = self.applicability
    return checklist.items.filter { applicability.isApplicable($0.id) }
  }

  /// Applicable items that are neither answered nor skipped, in checklist order.
  public var openItems: [Item] {
    applicableItems.filter { records[$0.id]?.state == .unanswered }
  }

  /// Checks `change`, appends it as an event and applies it.
  ///
  /// - Returns: The event, for the caller to write to the audit's log.
  /// - Throws: ``AuditError`` saying what to fix; the audit is unchanged.
  @discardableResult
  public mutating func record(
    _ change: AuditEvent.Change, by author: String, at time: Date
  ) throws(AuditError)
    -> AuditEvent
  {
    try validate(change)
    let event = AuditEvent(
      // After the last sequence number, not the count: a log that lost a damaged line keeps its numbers.
      sequence: (events.last?.sequence ?? 0) + 1, time: Timestamp.wholeSeconds(time), author: author,
      change: change)
    apply(event)
    return event
  }

  private func validate(_ change: AuditEvent.Change) throws(AuditError) {
    if isFinished { throw .alreadyFinished }
    if let itemID = change.itemID {
      guard let item = checklist.item(withID: itemID) else { throw .unknownItem(itemID) }
      if case .answered(_, let outcome, _) = change, let problem = outcome.problem(for: item.kind) {
        throw .outcomeNotAccepted(item: itemID, problem: problem)
      }
      // Answers and skips are about items that apply; evidence may still be noted on any item.
      switch change {
      case .answered, .skipped:
        if !applicability.isApplicable(itemID), let condition = item.applicableWhen {
          throw .itemNotApplicable(item: itemID, condition: condition)
        }
      default: break
      }
    }
    switch change {
    case .started: throw .badLog(reason: "an audit has only one \"started\" event")
    case .answered(_, .text(let text), _) where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
      throw .emptyText(field: "answer")
    case .skipped(_, let text): try Self.requireText(text, "reason")
    case .noted(_, let text): try Self.requireText(text, "note")
    case .explained(_, let text): try Self.requireText(text, "explanation")
    case .finding(let text): try Self.requireText(text, "finding")
    case .recommendation(let text): try Self.requireText(text, "recommendation")
    case .representative(let name): try Self.requireText(name, "representative's name")
    case .correctiveAction(let what, let owner, let due, _):
      try Self.requireText(what, "action")
      try Self.requireText(owner, "owner")
      guard Self.isCalendarDate(due) else { throw .badDueDate(due) }
    case .finished:
      let open = openItems
      if !open.isEmpty { throw .openItems(open.map(\.id)) }
    default: break
    }
  }

  private static func requireText(_ text: String, _ field: String) throws(AuditError) {
    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .emptyText(field: field) }
  }

  /// Whether `text` is a real calendar date `YYYY-MM-DD`.
  public static func isCalendarDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), day >= 1
    else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= days[month - 1]
  }

  private mutating func apply(_ event: AuditEvent) {
    events.append(event)
    let author = event.author
    let time = event.time
    func update(_ itemID: String?, _ body: (inout ItemRecord) -> Void) {
      if let itemID {
        body(&records[itemID, default: ItemRecord(itemID: itemID)])
      } else {
        body(&general)
      }
    }
    switch event.change {
    case .started: break
    case .answered(let itemID, let outcome, let remark):
      update(itemID) { record in
        switch record.state {
        case .unanswered: break
        case .answered(let old):
          record.history.append(AnswerOverride(old: old, new: outcome, remark: remark, by: author, at: time))
        case .skipped(let reason):
          record.history.append(
            AnswerOverride(
              old: nil, oldSkipReason: reason, new: outcome, remark: remark, by: author, at: time))
        }
        record.state = .answered(outcome)
        record.remark = remark
        record.by = author
        record.at = time
      }
    case .skipped(let itemID, let reason):
      update(itemID) { record in
        record.state = .skipped(reason: reason)
        record.remark = nil
        record.by = author
        record.at = time
      }
    case .noted(let itemID, let text):
      update(itemID) { $0.notes.append(Remark(text: text, by: author, at: time)) }
    case .attached(let itemID, let attachment):
      update(itemID) { $0.attachments.append(attachment) }
    case .explained(let itemID, let text):
      update(itemID) { $0.explanations.append(Remark(text: text, by: author, at: time)) }
    case .finding(let text): findings.append(Remark(text: text, by: author, at: time))
    case .recommendation(let text): recommendations.append(Remark(text: text, by: author, at: time))
    case .correctiveAction(let what, let owner, let due, let item):
      correctiveActions.append(
        CorrectiveAction(what: what, owner: owner, due: due, item: item, by: author, at: time))
    case .representative(let name): header.unit.representative = name
    case .finished: finishedAt = time
    }
  }
}
