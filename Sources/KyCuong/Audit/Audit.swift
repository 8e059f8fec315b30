import Foundation
import KyCuongModel
import KyCuongSupport

/// An audit in progress or finished: an append-only list of events and the state they fold into.
///
/// Every change goes through ``record(_:by:at:)``, which checks it, appends an event and applies it; reading
/// a log back replays the same events through the same code, so the state on disk and in memory agree.
/// The common changes have methods of their own, made by ``recorder`` at the time of ``clock``:
///
/// ```swift
/// var audit = Audit(header: header, recorder: "Nguyễn Văn An")
/// try audit.answer("BADGE-01", .observation(compliant: 10, observed: 12))
/// try audit.note("2 cán bộ không đeo thẻ", on: "BADGE-01")
/// let report = audit.score()
/// ```
///
/// Two audits are equal when their events are: the state is a function of the events, and ``recorder`` and
/// ``clock`` say only who and when the next change will be.
public struct Audit: Hashable, Sendable {
  /// What the audit is of.
  public private(set) var header: AuditHeader
  /// Every accepted event, oldest first; the first is `started`.
  public private(set) var events: [AuditEvent]
  /// The record of each item, by item id (every item of the checklist has one).
  public private(set) var records: [ItemID: ItemRecord]
  /// Notes, attachments and explanations not tied to an item.
  public private(set) var general: ItemRecord
  /// Findings of the team.
  public private(set) var findings: [Remark] = []
  /// Recommendations of the team.
  public private(set) var recommendations: [Remark] = []
  /// Corrective actions for the unit.
  public private(set) var correctiveActions: [CorrectiveAction] = []
  /// When the audit was finished, if it is (a reopened audit is not, until finished again).
  public private(set) var finishedAt: Date?
  /// Which items apply, kept up to date as answers come in.
  public private(set) var applicability: Applicability
  /// The number of staff present, when counted (``AuditEvent/Change/staffPresent(count:)``).
  public private(set) var staffPresent: Int?
  /// Entries withdrawn, oldest first, each with the event that made it.
  public private(set) var retractions: [Retraction] = []
  /// Why the audit was reopened, each time it was.
  public private(set) var reopenings: [Remark] = []
  /// The pages and copies of the record, when recorded.
  public private(set) var recordDetails: RecordDetails?
  /// Those who refused to sign the record, and why.
  public private(set) var refusals: [SignatureRefusal] = []
  /// The signing of the record, once it is signed: then the audit takes no more changes.
  public private(set) var signing: Signing?
  /// The sequence numbers of events whose entries are withdrawn.
  public private(set) var withdrawn: Set<Int> = []
  /// The members the leader invited to record on their own devices (``AuditEvent/Change/invited(member:)``):
  /// the audit is a team audit, whose devices' logs merge (``TeamMerge``).
  public private(set) var invitedMembers: [String] = []
  /// On a team audit merged from its devices' logs (``TeamMerge``): where each event was recorded — its
  /// device and its sequence number there — by its sequence number in the merged audit. Empty otherwise.
  public private(set) var origins: [Int: EventReference] = [:]
  /// On a merged team audit: the items whose devices' current answers differ and that no resolution
  /// settles. Each counts as open (its state is unanswered) until the leader resolves it.
  public private(set) var conflicts: [ItemID: AnswerConflict] = [:]
  /// The merged sequence number of each event of ``origins``.
  private var mergedSequences: [EventReference: Int] = [:]
  /// On a merged team audit: each item's current answer or skip on each device (merged sequence numbers).
  private var latestAnswers: [ItemID: [String: Int]] = [:]
  /// The answers that resolutions in effect settle.
  private var settled: Set<EventReference> = []
  /// Who records the changes made through ``answer(_:_:remark:)`` and the other shorthands: the person at
  /// the keyboard. It starts as the one who started the audit.
  public var recorder: String
  /// When those changes are made.
  public var clock: AuditClock

  /// Starts an audit: the `started` event is its first.
  ///
  /// - Parameters:
  ///   - header: What the audit is of.
  ///   - author: Who starts it; also the first ``recorder``.
  ///   - time: When.
  public init(header: AuditHeader, by author: String, at time: Date) {
    self.header = header
    let event = AuditEvent(
      sequence: 1, time: Timestamp.wholeSeconds(time), author: author, change: .started(header))
    self.events = [event]
    self.records = Dictionary(
      uniqueKeysWithValues: header.checklist.items.map { ($0.id, ItemRecord(itemID: $0.id)) })
    self.general = ItemRecord(itemID: "")
    self.recorder = author
    self.clock = .system
    self.applicability = Applicability(checklist: header.checklist, states: [:])
    self.applicability = computeApplicability()
  }

  /// Starts an audit recorded by `recorder` at the times `clock` gives.
  ///
  /// - Parameters:
  ///   - header: What the audit is of.
  ///   - recorder: Who starts it and records the changes after.
  ///   - clock: The time of each change; the system's by default.
  public init(header: AuditHeader, recorder: String, clock: AuditClock = .system) {
    self.init(header: header, by: recorder, at: clock.now())
    self.clock = clock
  }

  /// Rebuilds an audit from its events, checking each as it was checked when it was recorded.
  ///
  /// - Parameter events: The events, oldest first.
  /// - Throws: ``AuditError`` naming the first event that is not valid.
  public init(replaying events: [AuditEvent]) throws(AuditError) {
    guard let first = events.first else { throw .emptyLog }
    guard case .started(let header) = first.change else { throw .firstEventNotStarted }
    self.init(header: header, by: first.author, at: first.time)
    self.events = [first]
    for event in events.dropFirst() {
      do throws(AuditError) {
        // Numbers only grow (a gap is a lost line, which the reader reports; a step back is a spliced file).
        if let last = self.events.last, event.sequence <= last.sequence {
          throw AuditError.sequenceOutOfOrder(sequence: event.sequence, after: last.sequence)
        }
        try validate(event.change, live: false, origin: nil)
      } catch {
        throw .invalidEvent(sequence: event.sequence, type: event.change.typeName, reason: error)
      }
      apply(event)
    }
    recorder = self.events.last?.author ?? first.author
  }

  /// Rebuilds a merged team audit from its events in merged order, each with where it was recorded; the
  /// checks that depend on what a device had seen when it recorded (applicability, finishing) are left to
  /// ``TeamMerge``, which checks the outcome.
  ///
  /// - Parameters:
  ///   - events: The merged events, numbered from 1; the first is `started`.
  ///   - origins: Each event's device and sequence number there, by merged sequence number.
  /// - Throws: ``AuditError/invalidEvent(sequence:type:reason:)`` with the merged sequence number.
  init(merging events: [AuditEvent], origins: [Int: EventReference]) throws(AuditError) {
    guard let first = events.first else { throw .emptyLog }
    guard case .started(let header) = first.change else { throw .firstEventNotStarted }
    self.init(header: header, by: first.author, at: first.time)
    self.origins = origins
    self.mergedSequences = Dictionary(uniqueKeysWithValues: origins.map { ($0.value, $0.key) })
    for event in events.dropFirst() {
      do throws(AuditError) {
        try validate(event.change, live: false, origin: origins[event.sequence])
      } catch {
        throw .invalidEvent(sequence: event.sequence, type: event.change.typeName, reason: error)
      }
      apply(event)
    }
    recorder = self.events.last?.author ?? first.author
  }

  /// Whether two audits hold the same events (and, merged, from the same devices).
  public static func == (lhs: Audit, rhs: Audit) -> Bool {
    lhs.events == rhs.events && lhs.origins == rhs.origins
  }

  /// Hashes the events.
  public func hash(into hasher: inout Hasher) { hasher.combine(events) }

  /// Whether the audit was merged from its team's devices' logs (``TeamMerge``).
  public var isMerged: Bool { !origins.isEmpty }

  /// Whether this is a member's own log of a team audit: its second event is `joined`.
  public var isMembersLog: Bool {
    guard !isMerged, events.count > 1, case .joined = events[1].change else { return false }
    return true
  }

  /// The merged sequence number of the event `reference` names, on a merged team audit.
  ///
  /// - Parameter reference: A device and a sequence number in its log.
  /// - Returns: The sequence number in this audit, or `nil`.
  public func sequence(of reference: EventReference) -> Int? { mergedSequences[reference] }

  /// The audit's id.
  public var id: String { header.id }
  /// The checklist snapshot.
  public var checklist: Checklist { header.checklist }
  /// When the audit started.
  public var startedAt: Date { events[0].time }
  /// The audit's first day, in Vietnam's time: the day rules' ``Item/validUntil`` is compared with.
  public var startDay: CalendarDate { CalendarDate(startedAt, in: .vietnam) }
  /// Whether the audit is closed.
  public var isFinished: Bool { finishedAt != nil }
  /// Whether the record is signed: the audit is closed for good.
  public var isSigned: Bool { signing != nil }

  /// The event with sequence number `sequence`, if there is one.
  ///
  /// - Parameter sequence: A sequence number.
  /// - Returns: The event.
  public func event(_ sequence: Int) -> AuditEvent? {
    // Sequence numbers only grow: a binary search finds the event.
    var low = 0
    var high = events.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let found = events[middle].sequence
      if found == sequence { return events[middle] }
      if found < sequence { low = middle + 1 } else { high = middle - 1 }
    }
    return nil
  }

  /// Each item's state, by id.
  public var states: [ItemID: ItemState] { records.mapValues(\.state) }

  /// The items that apply, in checklist order.
  public var applicableItems: [Item] {
    checklist.items.filter { applicability.isApplicable($0.id) }
  }

  /// Applicable items that are neither answered nor skipped, in checklist order.
  public var openItems: [Item] {
    applicableItems.filter { records[$0.id]?.state == .unanswered }
  }

  /// The first open item (``openItems``) after `itemID` in checklist order, else the first open item of all
  /// (the inspector goes on past the end from the top); `nil` when none is open. `itemID` `nil`, or an id the
  /// checklist does not have, gives the first open item.
  ///
  /// The same as looking `itemID` up in ``openItems``, in one walk over the items that builds no array: the
  /// REPL asks after every answer.
  package func nextOpenItem(after itemID: ItemID?) -> ItemID? {
    var firstOpen: ItemID?
    var passed = false
    for section in checklist.sections {
      for item in section.items {
        let isOpen = applicability.isApplicable(item.id) && records[item.id]?.state == .unanswered
        if isOpen {
          if passed { return item.id }
          if firstOpen == nil { firstOpen = item.id }
        }
        if !passed, item.id == itemID { passed = true }
      }
    }
    return firstOpen
  }

  /// Items not checked on this audit's kind of visit (``Item/visits``) and still unanswered: a team records
  /// them skipped, with the reason, unless it did check them.
  public var itemsNotCheckedOnThisVisit: [Item] {
    openItems.filter { !$0.isChecked(on: header.visitType) }
  }

  /// Checks `change`, appends it as an event and applies it.
  ///
  /// - Parameters:
  ///   - change: What changes.
  ///   - author: Who makes the change.
  ///   - time: When.
  /// - Returns: The event, for the caller to write to the audit's log.
  /// - Throws: ``AuditError`` saying what to fix; the audit is unchanged.
  @discardableResult
  public mutating func record(
    _ change: AuditEvent.Change, by author: String, at time: Date
  ) throws(AuditError)
    -> AuditEvent
  {
    try record(change, by: author, at: time, checkedOnMerged: false)
  }

  /// ``record(_:by:at:)``; `checkedOnMerged` when the leader's change was checked against the merged team
  /// audit (``TeamMerge/record(_:by:at:on:with:)``), whose answers decide what applies and what is open.
  mutating func record(
    _ change: AuditEvent.Change, by author: String, at time: Date, checkedOnMerged: Bool
  ) throws(AuditError) -> AuditEvent {
    try validate(change, live: true, origin: nil, checkedOnMerged: checkedOnMerged)
    let event = AuditEvent(
      // After the last sequence number, not the count: a log that lost a damaged line keeps its numbers.
      sequence: (events.last?.sequence ?? 0) + 1, time: Timestamp.wholeSeconds(time), author: author,
      change: change)
    apply(event)
    return event
  }

  /// Checks a change the leader makes to a merged team audit against the merged state: the rules of a live
  /// change, and a resolution's answers must be the merged audit's. A retraction names an event of the
  /// leader's own log, which checks it.
  func checkOnMerged(_ change: AuditEvent.Change) throws(AuditError) {
    if case .retracted = change { return }
    try validate(change, live: true, origin: nil)
    if case .resolved(let itemID, _, _, let settles) = change { try checkSettled(settles, of: itemID) }
  }

  /// Each answer a resolution of `itemID` settles is an answer or skip of that item in this merged audit.
  private func checkSettled(_ settles: [EventReference], of itemID: ItemID) throws(AuditError) {
    for reference in settles {
      guard let sequence = mergedSequences[reference], let settledEvent = event(sequence),
        settledEvent.change.isAnswer, settledEvent.change.itemID == itemID
      else { throw .notAnAnswer(reference, item: itemID) }
    }
  }

  /// Checks `change` against the audit as it stands. `live` is false when replaying a log, whose events
  /// were accepted under the rules of their time: a rule added since (no "0/0" answers) refuses only new
  /// answers. `origin` is where the event was recorded, when merging a team audit: a member's device did
  /// not see the leader close the record, and no device saw what the others answered, so those checks are
  /// ``TeamMerge``'s, on the merged outcome.
  private func validate(
    _ change: AuditEvent.Change, live: Bool, origin: EventReference?, checkedOnMerged: Bool = false
  ) throws(AuditError) {
    let fromMember = origin.map { $0.device != EventReference.leaderDevice } ?? isMembersLog
    // What applies and what is open is the merged audit's: when merging, when the leader's change was
    // checked on it, and when reading back a team leader's log, whose changes were.
    let judgedOnMerged = origin != nil || checkedOnMerged || (!live && !invitedMembers.isEmpty)
    if fromMember, change.isLeaders { throw .leadersOnly(type: change.typeName) }
    let seenByDevice = origin == nil || !fromMember
    if seenByDevice, isSigned { throw .alreadySigned }
    if seenByDevice, isFinished {
      // A finished audit takes only what closing the record needs: its paper details, refusals to sign,
      // the signing, or reopening. Anything else waits for a `reopened`.
      switch change {
      case .reopened, .recordDetails, .refusedToSign, .signed: break
      case .retracted(let target, _):
        switch event(target)?.change {
        case .recordDetails?, .refusedToSign?: break
        default: throw .alreadyFinished
        }
      default: throw .alreadyFinished
      }
    }
    if let itemID = change.itemID {
      guard let item = checklist.item(withID: itemID) else { throw .unknownItem(itemID) }
      if case .answered(_, let outcome, let remark) = change {
        if let problem = outcome.problem(for: item.kind) {
          throw .outcomeNotAccepted(item: itemID, problem: problem)
        }
        if live, case .observation(_, 0) = outcome {
          throw .outcomeNotAccepted(item: itemID, problem: .noneObserved)
        }
        // The same answer again, with no new remark, is not a change: it would only lengthen the history.
        if live, let record = records[itemID], record.outcome == outcome,
          remark == nil || remark == record.remark
        {
          throw .unchanged(item: itemID)
        }
      }
      if case .resolved(_, let outcome?, _, _) = change, let problem = outcome.problem(for: item.kind) {
        throw .outcomeNotAccepted(item: itemID, problem: problem)
      }
      // Answers and skips are about items that apply; evidence may still be noted on any item. A merged
      // audit's devices answered against what each of them saw.
      switch change {
      case .answered, .skipped, .resolved:
        if !judgedOnMerged, !applicability.isApplicable(itemID), let condition = item.applicableWhen {
          throw .itemNotApplicable(item: itemID, condition: condition)
        }
      default: break
      }
    }
    switch change {
    case .started: throw .startedAgain
    case .answered(_, .text(let text), _) where text.isBlank: throw .emptyText(field: .answer)
    case .skipped(_, let text): try Self.requireText(text, .skipReason)
    case .noted(_, let text): try Self.requireText(text, .note)
    case .explained(_, let text, _): try Self.requireText(text, .explanation)
    case .finding(let text): try Self.requireText(text, .finding)
    case .recommendation(let text): try Self.requireText(text, .recommendation)
    case .representative(let name, _): try Self.requireText(name, .representative)
    case .correctiveAction(let what, let owner, _, _):
      try Self.requireText(what, .action)
      try Self.requireText(owner, .owner)
    case .staffPresent(let count):
      if count < 1 { throw .invalidCount(field: .staffPresent, value: count) }
    case .retracted(let target, let reason):
      try Self.requireText(reason, .reason)
      guard let withdrawnEvent = event(target) else { throw .noSuchEvent(target) }
      if !withdrawnEvent.change.isRetractable {
        throw .notRetractable(event: target, type: withdrawnEvent.change.typeName)
      }
      if withdrawn.contains(target) { throw .alreadyRetracted(target) }
    case .finished:
      let open = openItems
      if !judgedOnMerged, !open.isEmpty { throw .openItems(open.map(\.id)) }
    case .reopened(let reason):
      try Self.requireText(reason, .reason)
      if !isFinished { throw .notFinished }
    case .recordDetails(let pages, let copies):
      if pages < 1 { throw .invalidCount(field: .pages, value: pages) }
      if copies < 1 { throw .invalidCount(field: .copies, value: copies) }
    case .refusedToSign(let name, let reason):
      try Self.requireText(name, .name)
      try Self.requireText(reason, .reason)
    case .signed(let signer, _):
      try Self.requireText(signer, .name)
      if !isFinished { throw .notFinished }
    case .invited(let member):
      try Self.requireText(member, .name)
      if member == header.team.leader || !header.team.people.contains(where: { $0.name == member }) {
        throw .notATeamMember(member)
      }
    case .joined(let device):
      if !EventReference.isValidMemberDevice(device) { throw .invalidDevice(device) }
      // Second in its own log: merged, by its number there; alone, right after `started`.
      if let origin, origin.sequence != 2 { throw .joinedOutOfPlace }
      if origin == nil, events.count != 1 { throw .joinedOutOfPlace }
    case .resolved(let itemID, let outcome, let reason, let settles):
      try Self.requireText(reason, outcome == nil ? .skipReason : .reason)
      if settles.isEmpty { throw .settlesNothing(item: itemID) }
      if origin != nil { try checkSettled(settles, of: itemID) }
    default: break
    }
  }

  private static func requireText(_ text: String, _ field: AuditError.TextField) throws(AuditError) {
    if text.isBlank { throw .emptyText(field: field) }
  }

  private func computeApplicability() -> Applicability {
    Applicability(checklist: checklist, states: states, context: header.context, day: startDay)
  }

  private mutating func apply(_ event: AuditEvent) {
    events.append(event)
    if case .retracted = event.change {
      // A retraction can withdraw anything earlier (or reinstate what an earlier retraction withdrew): the
      // state is folded again from the events still in effect. Retractions are rare; this stays linear.
      rebuild()
    } else {
      fold(event)
    }
  }

  /// Folds every event again, from the header of the first, leaving out the withdrawn ones.
  private mutating func rebuild() {
    guard case .started(let original) = events[0].change else { return }
    // From the last event back: a retraction still in effect withdraws its target, which is earlier.
    var withdrawn: Set<Int> = []
    for event in events.reversed() where !withdrawn.contains(event.sequence) {
      if case .retracted(let target, _) = event.change { withdrawn.insert(target) }
    }
    header = original
    records = Dictionary(
      uniqueKeysWithValues: original.checklist.items.map { ($0.id, ItemRecord(itemID: $0.id)) })
    general = ItemRecord(itemID: "")
    findings = []
    recommendations = []
    correctiveActions = []
    finishedAt = nil
    staffPresent = nil
    retractions = []
    reopenings = []
    recordDetails = nil
    refusals = []
    signing = nil
    self.withdrawn = withdrawn
    latestAnswers = [:]
    settled = []
    conflicts = [:]
    invitedMembers = []
    applicability = computeApplicability()
    for event in events.dropFirst() where !withdrawn.contains(event.sequence) {
      fold(event)
    }
  }

  /// Folds an answer (or a resolution by one) into its item's record.
  private mutating func foldAnswer(
    _ itemID: ItemID, _ outcome: Outcome, remark: String?, _ event: AuditEvent
  ) {
    records[itemID, default: ItemRecord(itemID: itemID)].take(
      .answered(outcome), remark: remark, by: event.author, at: event.time, event: event.sequence)
    settleTeamAnswers(itemID, latest: event.sequence)
    // Only an answer or a skip can change which items apply.
    applicability = computeApplicability()
  }

  /// Folds a skip (or a resolution by one) into its item's record.
  private mutating func foldSkip(_ itemID: ItemID, reason: String, _ event: AuditEvent) {
    records[itemID, default: ItemRecord(itemID: itemID)].take(
      .skipped(reason: reason), remark: nil, by: event.author, at: event.time, event: event.sequence)
    settleTeamAnswers(itemID, latest: event.sequence)
    applicability = computeApplicability()
  }

  /// On a merged team audit, sets an item from its devices' current answers: the one they agree on (the
  /// latest given), or none and a conflict when they differ. An answer a resolution settles no longer
  /// counts; the resolution is the leader's current answer.
  private mutating func settleTeamAnswers(_ itemID: ItemID, latest sequence: Int) {
    guard let origin = origins[sequence] else { return }
    latestAnswers[itemID, default: [:]][origin.device] = sequence
    let current = (latestAnswers[itemID] ?? [:]).values.sorted().filter { sequence in
      origins[sequence].map { !settled.contains($0) } ?? true
    }
    let answers = current.compactMap { sequence -> AnswerConflict.Answer? in
      guard let event = event(sequence), let origin = origins[sequence], let state = event.change.answerState
      else { return nil }
      return AnswerConflict.Answer(
        reference: origin, event: sequence, recorder: event.author, time: event.time, state: state,
        remark: event.change.answerRemark)
    }
    guard var record = records[itemID] else { return }
    if let last = answers.last, answers.allSatisfy({ $0.state.agrees(with: last.state) }) {
      conflicts[itemID] = nil
      record.state = last.state
      record.remark = last.remark
      record.by = last.recorder
      record.at = last.time
      record.event = last.event
    } else {
      conflicts[itemID] = answers.isEmpty ? nil : AnswerConflict(item: itemID, answers: answers)
      record.state = .unanswered
      record.remark = nil
      record.by = nil
      record.at = nil
      record.event = nil
    }
    records[itemID] = record
  }

  /// Applies one event in effect to the state.
  private mutating func fold(_ event: AuditEvent) {
    let author = event.author
    let time = event.time
    let sequence = event.sequence
    func update(_ itemID: ItemID?, _ body: (inout ItemRecord) -> Void) {
      if let itemID {
        body(&records[itemID, default: ItemRecord(itemID: itemID)])
      } else {
        body(&general)
      }
    }
    func remark(_ text: String, speaker: String? = nil) -> Remark {
      Remark(text: text, by: author, at: time, event: sequence, speaker: speaker)
    }
    switch event.change {
    case .started, .joined: break
    case .invited(let member):
      if !invitedMembers.contains(member) { invitedMembers.append(member) }
    case .answered(let itemID, let outcome, let remark):
      foldAnswer(itemID, outcome, remark: remark, event)
    case .skipped(let itemID, let reason):
      foldSkip(itemID, reason: reason, event)
    case .resolved(let itemID, let outcome, let reason, let settles):
      settled.formUnion(settles)
      if let outcome {
        foldAnswer(itemID, outcome, remark: reason, event)
      } else {
        foldSkip(itemID, reason: reason, event)
      }
    case .noted(let itemID, let text):
      update(itemID) { $0.notes.append(remark(text)) }
    case .attached(let itemID, var attachment):
      attachment.event = sequence
      update(itemID) { $0.attachments.append(attachment) }
    case .explained(let itemID, let text, let speaker):
      update(itemID) { $0.explanations.append(remark(text, speaker: speaker)) }
    case .finding(let text): findings.append(remark(text))
    case .recommendation(let text): recommendations.append(remark(text))
    case .correctiveAction(let what, let owner, let due, let item):
      correctiveActions.append(
        CorrectiveAction(
          what: what, owner: owner, due: due, item: item, by: author, at: time, event: sequence))
    case .representative(let name, let title):
      header.unit.representative = name
      header.unit.representativeTitle = title
    case .staffPresent(let count): staffPresent = count
    case .retracted(let target, let reason):
      if let withdrawnEvent = self.event(target) {
        retractions.append(
          Retraction(withdrawn: withdrawnEvent, reason: reason, by: author, at: time, event: sequence))
      }
    case .finished: finishedAt = time
    case .reopened(let reason):
      finishedAt = nil
      reopenings.append(remark(reason))
    case .recordDetails(let pages, let copies): recordDetails = RecordDetails(pages: pages, copies: copies)
    case .refusedToSign(let name, let reason):
      refusals.append(SignatureRefusal(name: name, reason: reason, by: author, at: time, event: sequence))
    case .signed(let signer, let keyFingerprint):
      signing = Signing(signer: signer, keyFingerprint: keyFingerprint, by: author, at: time)
    }
  }
}

extension String {
  /// Whether the text is empty or only white space.
  var isBlank: Bool { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
