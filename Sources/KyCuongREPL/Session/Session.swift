import Foundation
import KyCuong
import KyCuongStore

/// The walk-through of an audit, one line at a time: the logic of `kycuong`'s REPL, without a terminal.
///
/// The terminal layer shows ``prompt``, reads a line and passes it to ``evaluate(_:)``; the reply says what
/// to print and whether to stop. A line that is not a command answers the current item.
///
/// Every accepted change is written to the ``AuditStore`` before the in-memory audit changes, so an answer
/// shown as accepted is on disk; a change that cannot be written is reported and forgotten.
///
/// Two items matter at any time: the *current* item (``currentItemID``), which the next answer goes to and
/// the prompt names, and the item the inspector is *on* (``targetItemID``), which `note`, `attach`,
/// `action`, `explain` and `skip` go to without an item id. They differ right after an answer: the answer
/// moves the current item on, but the inspector is still on the item just answered until they act on the
/// next one (answer it, or move with `next`, `back`, `goto`, `show`).
///
/// ```swift
/// let session = Session(configuration: SessionConfiguration(catalog: catalog, store: store,
///                                                           inspector: "Nguyễn Văn An"))
/// print(session.welcome())
/// session.evaluate("start public-office-conduct --unit \"UBND phường Hàng Bạc\" --leader \"Nguyễn Văn An\" "
///                  + "--members \"\" --visit surprise")
/// session.evaluate("đạt")
/// ```
public final class Session: InteractiveSession {
  /// What the session works with.
  public let configuration: SessionConfiguration
  /// The language of replies; `lang` changes it.
  public internal(set) var language: Language
  /// The open audit, if any: the state on disk.
  public internal(set) var audit: Audit?
  /// The item shown and answered next, if any remains.
  public internal(set) var currentItemID: ItemID?
  /// The item just answered or skipped, while the inspector has not acted on the current one: where notes
  /// and evidence go without an item id. `nil` when that is the current item.
  public internal(set) var focusItemID: ItemID?
  /// Whether the open audit was opened read-only (another process holds its lock).
  public internal(set) var isReadOnly = false
  /// Who records the changes (`whoami` switches): chosen at `start`, the last recorder on `resume`.
  public internal(set) var recorder: String?
  /// Whether items show on one line each (`compact`), for a small screen.
  public internal(set) var compact = false

  /// The questions of an unfinished `start`, while the session asks them.
  var startDraft: StartDraft?
  /// A yes/no question the next line answers (finish, a past due date, a text that looks like a command).
  var pending: Confirmation?
  /// The sequence numbers of the changes this session recorded, oldest first, for `undo`.
  var changes: [Int] = []
  /// The position last saved for resuming, and the number of the audit's events then: the position file is
  /// looked at again only when one of them moves.
  var savedPosition: (position: AuditPosition, events: Int)?
  /// Whether the open audit may have a position file on disk (one to remove once `resume` can do without).
  var positionFileMayExist = true

  /// Sends the open audit's log in the background when a ``SessionConfiguration/logSender`` is set.
  let uploader: LogUploader?
  /// The audit whose log was last given to ``uploader``, and its lines then.
  var lastSentAudit: (id: String, lines: Int)?
  /// The merged audit of the open team audit (``teamAudit``), and what it was merged from: the leader's
  /// events and each device log's size.
  var teamAuditCache: (events: Int, deviceLogs: [String: Int], audit: Audit)?

  /// Creates a session with no audit open.
  public init(configuration: SessionConfiguration) {
    self.configuration = configuration
    self.language = configuration.language
    self.uploader = configuration.logSender.map { LogUploader(sender: $0, store: configuration.store) }
  }

  var store: AuditStore { configuration.store }
  var style: Style { Style(enabled: configuration.styled) }
  /// The terminal's width, when replies should fit one.
  var columns: Int? { configuration.columns() }

  /// The item notes and evidence go to without an item id: the one just answered, else the current one.
  public var targetItemID: ItemID? { focusItemID ?? currentItemID }

  /// Who the next change is recorded as.
  var author: String { recorder ?? configuration.inspector }

  /// `message` in the session's language.
  func text(_ message: Message) -> String { message.text(in: language) }

  /// A reply of `message`.
  func reply(_ message: Message, succeeded: Bool = true) -> SessionReply {
    SessionReply(text: text(message), succeeded: succeeded)
  }

  /// A refusal of `message`.
  func refuse(_ message: Message) -> SessionReply { reply(message, succeeded: false) }

  // MARK: - InteractiveSession

  /// `kycuong › ` with no audit open; `[12/48 BADGE-02] › ` during an audit (position among the applicable
  /// items, their count, the current item); the question while `start` asks one; `(c/k) › ` while a
  /// confirmation is awaited.
  public var prompt: String { terminalSafe(plainPrompt) }

  private var plainPrompt: String {
    if pending != nil { return text(.confirmPrompt) + " › " }
    if let question = startDraft?.nextQuestion {
      return startQuestionPrompt(question) + " › "
    }
    guard let audit else { return "kycuong › " }
    let readOnly = (isReadOnly ? " " + text(.readOnlyMark) : "") + unsentMark
    if audit.isFinished { return "[\(audit.id) ✓\(readOnly)] › " }
    let applicable = audit.applicableItems
    guard let currentItemID else {
      return "[\(applicable.count)/\(applicable.count) ✓\(readOnly)] › "
    }
    let position = applicable.firstIndex { $0.id == currentItemID }.map { String($0 + 1) } ?? "-"
    return "[\(position)/\(applicable.count) \(currentItemID)\(readOnly)] › "
  }

  /// Reads one line: an answer to a question, a command, or an answer to the current item. The reply is
  /// wrapped to the terminal's width.
  public func evaluate(_ line: String) -> SessionReply {
    // Typed text is kept in NFC: an input method that sends "ê" + U+0301 and one that sends "ế" give the
    // same bytes in the log and the record (and so the same unit in the department's summary).
    var reply = respond(to: line.precomposedStringWithCanonicalMapping)
    reply.text = TextLayout.wrap(terminalSafe(reply.text), columns: columns)
    savePosition()
    sendInBackground()
    return reply
  }

  private func respond(to line: String) -> SessionReply {
    if let problem = InputCheck.problem(in: line) { return refuse(.inputRefused(problem)) }
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if pending != nil { return answerConfirmation(trimmed) }
    if startDraft != nil { return answerStartQuestion(trimmed) }
    if trimmed.isEmpty { return SessionReply(text: "") }
    if trimmed == "?" { return audit == nil ? help("") : details() }
    if let match = Command.match(trimmed) {
      if match.command.accepts(arguments: match.rest) { return run(match.command, match.rest) }
      if case .text? = currentItem?.kind, audit?.isFinished == false { return answerOrUnknown(trimmed) }
      return refuse(.usage(match.command))
    }
    return answerOrUnknown(trimmed)
  }

  /// Whether `line` may be kept in the line history on disk: commands are, free text is not (a note, an
  /// explanation, a text answer, a reason, the answers to `start`'s questions), so that the names of
  /// citizens and staff stay in the audit's log only.
  public func keepsInHistory(_ line: String) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if startDraft != nil || pending != nil { return false }
    guard let match = Command.match(trimmed), match.command.accepts(arguments: match.rest) else {
      // An answer: a word or a count is kept, a text item's text is not.
      if case .text? = currentItem?.kind { return false }
      return !trimmed.contains(" // ")
    }
    switch match.command {
    case .note, .explain, .finding, .recommend, .action, .skip, .retract, .reopen, .refusal, .representative,
      .whoami, .answer, .resolve:
      return false
    default:
      return true
    }
  }

  /// Ends the session at the end of input (Ctrl-D, end of a pipe): everything is already saved.
  public func endOfInput() -> SessionReply {
    let reply = goodbye()
    return SessionReply(text: terminalSafe(reply), succeeded: true, exit: true)
  }

  /// What Ctrl-C does: abandons `start`'s questions or a confirmation; otherwise nothing (the line was
  /// already discarded).
  public func interrupt() -> SessionReply {
    if pending != nil {
      pending = nil
      return reply(.confirmationCancelled)
    }
    guard startDraft != nil else { return SessionReply(text: "") }
    startDraft = nil
    return reply(.startCancelled)
  }

  /// The text shown when the REPL starts: unfinished audits and how to resume them, or how to begin.
  public func welcome() -> String {
    let unfinished = store.list().filter { !$0.isFinished }
    var lines = [text(.welcome)]
    if unfinished.isEmpty {
      lines.append(text(.welcomeNoUnfinished))
    } else {
      lines.append(text(.welcomeUnfinished(count: unfinished.count)))
      lines += unfinished.map { "  " + renderSummary($0) }
      lines.append(text(.welcomeResumeHint(id: unfinished[0].id)))
    }
    return TextLayout.wrap(terminalSafe(lines.joined(separator: "\n")), columns: columns)
  }

  /// `text` as the terminal may receive it: every reply, the welcome, the goodbye and the prompt pass
  /// here, because they show what files say (a unit's name, a note, an answer, a checklist's texts) and a
  /// file may hold escape sequences. Only the session's own colours (``Style``) are kept.
  func terminalSafe(_ text: String) -> String {
    TerminalText.sanitized(text, keeping: configuration.styled ? Style.codes : [])
  }

  func goodbye() -> String {
    startDraft = nil
    pending = nil
    guard let audit else { return text(.goodbyeNoAudit) }
    let id = audit.id
    // A read-only session wrote nothing: say goodbye without claiming it saved the audit.
    let message: Message = isReadOnly ? .goodbyeNoAudit : .goodbye(id: id)
    savePosition()
    closeAudit()
    return text(message)
  }

  func closeAudit() {
    if let audit { store.close(audit.id) }
    audit = nil
    currentItemID = nil
    focusItemID = nil
    isReadOnly = false
    changes = []
    savedPosition = nil
    positionFileMayExist = true
    teamAuditCache = nil
  }

  // MARK: - Changing the audit

  /// Records `change` the only safe way: on a copy, then on disk, then in memory.
  ///
  /// - Returns: `nil` when accepted, else the refusal to show (the audit is unchanged).
  func commit(_ change: AuditEvent.Change) -> SessionReply? {
    switch self.change(change) {
    case .success: nil
    case .failure(let message): refuse(message)
    }
  }

  /// ``commit(_:)`` with the event recorded, or the message of the refusal.
  func change(_ change: AuditEvent.Change, undoable: Bool = true) -> Result<AuditEvent, Message> {
    guard var next = audit else { return .failure(.noAudit) }
    if isReadOnly { return .failure(.readOnly(id: next.id)) }
    let event: AuditEvent
    do {
      if change.isLeaders, !next.isMembersLog, store.hasDeviceLogs(next.id) {
        // A team audit: finishing, signing and resolving are checked against every device's answers.
        let others = try store.teamLogs(for: next.id).dropFirst().map(\.log)
        event = try TeamMerge.record(change, by: author, at: configuration.clock(), on: &next, with: others)
      } else {
        event = try next.record(change, by: author, at: configuration.clock())
      }
    } catch let error as AuditError {
      return .failure(.auditRefused(error))
    } catch let error as TeamMergeError {
      return .failure(.teamRefused(error))
    } catch let error as AuditStoreError {
      return .failure(.openFailed(error))
    } catch {
      return .failure(.notSaved(.ioFailed(path: next.id, reason: .unencodable(reason: "\(error)"))))
    }
    do {
      try store.append(event, to: next.id)
    } catch {
      return .failure(.notSaved(error))
    }
    audit = next
    if undoable { changes.append(event.sequence) }
    return .success(event)
  }

  // MARK: - Navigation

  /// The current item, if any.
  var currentItem: Item? {
    guard let currentItemID else { return nil }
    return audit?.checklist.item(withID: currentItemID)
  }

  /// Moves to `itemID`: it becomes the current item and the one the inspector is on.
  func moveTo(_ itemID: ItemID?) {
    currentItemID = itemID
    focusItemID = nil
  }

  /// The first open applicable item after `itemID` in checklist order, wrapping round; `nil` when none.
  func nextOpenItem(after itemID: ItemID?) -> ItemID? {
    audit?.nextOpenItem(after: itemID)
  }

  /// The item of the checklist named `word`, ignoring case, if it names one.
  func item(named word: String) -> Item? {
    guard let audit, !word.isEmpty, word.count <= 40 else { return nil }
    let upper = word.uppercased()
    return audit.checklist.items.first { $0.id.rawValue.uppercased() == upper }
  }

  /// Keeps where the inspector is, for `resume`, when it moved or the audit changed since the last time: in
  /// the position file when `resume` could not find it from the log (``positionFromLog()``), else by
  /// removing the file, so that answering item after item writes nothing but the log.
  func savePosition() {
    guard let audit, !isReadOnly, !audit.isFinished else { return }
    let position = AuditPosition(current: currentItemID, focus: focusItemID)
    if let savedPosition, savedPosition.position == position, savedPosition.events == audit.events.count {
      return
    }
    // Losing it costs only the place to resume at (after the last change then): not worth a refusal.
    if position == positionFromLog() {
      if positionFileMayExist, (try? store.removePosition(for: audit.id)) != nil {
        positionFileMayExist = false
      }
    } else {
      try? store.savePosition(position, for: audit.id)
      positionFileMayExist = true
    }
    savedPosition = (position, audit.events.count)
  }

  /// Where `resume` puts the inspector without a position file: on the first open item after the item of the
  /// last change (still on that item, as after an answer), else on the first open item.
  func positionFromLog() -> AuditPosition {
    guard let last = audit?.events.last(where: { $0.change.itemID != nil })?.change.itemID else {
      return AuditPosition(current: nextOpenItem(after: nil))
    }
    let current = nextOpenItem(after: last)
    return AuditPosition(current: current, focus: current == last ? nil : last)
  }

  /// The current item in full, or the note that every applicable item is answered.
  func renderCurrentOrDone() -> String {
    guard let audit else { return text(.noAudit) }
    if audit.isFinished { return text(.auditFinished(id: audit.id)) }
    guard let item = currentItem else { return text(.allAnswered) }
    return renderItem(item)
  }
}

/// ANSI styling, applied only when the terminal layer says colours are wanted.
struct Style {
  /// Whether to emit escape codes.
  var enabled: Bool

  func bold(_ text: String) -> String { wrap(text, "1") }
  func dim(_ text: String) -> String { wrap(text, "2") }
  func red(_ text: String) -> String { wrap(text, "31") }
  func green(_ text: String) -> String { wrap(text, "32") }
  func yellow(_ text: String) -> String { wrap(text, "33") }

  /// Every SGR code the session writes, reset included: what ``Session/terminalSafe(_:)`` lets through.
  static let codes: Set<String> = ["0", "1", "2", "31", "32", "33"]

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
