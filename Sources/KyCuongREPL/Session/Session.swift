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
  /// Whether the open audit was opened read-only (another process holds its lock).
  public internal(set) var isReadOnly = false

  /// The questions of an unfinished `start`, while the session asks them.
  var startDraft: StartDraft?

  /// Creates a session with no audit open.
  public init(configuration: SessionConfiguration) {
    self.configuration = configuration
    self.language = configuration.language
  }

  var store: AuditStore { configuration.store }
  var style: Style { Style(enabled: configuration.styled) }

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
  /// items, their count, the current item); the question while `start` asks one.
  public var prompt: String {
    if let question = startDraft?.nextQuestion {
      return startQuestionPrompt(question) + " › "
    }
    guard let audit else { return "kycuong › " }
    let readOnly = isReadOnly ? " " + text(.readOnlyMark) : ""
    if audit.isFinished { return "[\(audit.id) ✓\(readOnly)] › " }
    let applicable = audit.applicableItems
    guard let currentItemID else {
      return "[\(applicable.count)/\(applicable.count) ✓\(readOnly)] › "
    }
    let position = applicable.firstIndex { $0.id == currentItemID }.map { String($0 + 1) } ?? "-"
    return "[\(position)/\(applicable.count) \(currentItemID)\(readOnly)] › "
  }

  /// Reads one line: an answer to `start`'s question, a command, or an answer to the current item.
  public func evaluate(_ line: String) -> SessionReply {
    if let problem = InputCheck.problem(in: line) { return refuse(.inputRefused(problem)) }
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if startDraft != nil { return answerStartQuestion(trimmed) }
    if trimmed.isEmpty { return SessionReply(text: "") }
    if let match = Command.match(trimmed) {
      if match.command.accepts(arguments: match.rest) { return run(match.command, match.rest) }
      if case .text? = currentItem?.kind, audit?.isFinished == false { return answerOrUnknown(trimmed) }
      return refuse(.usage(match.command))
    }
    return answerOrUnknown(trimmed)
  }

  /// Ends the session at the end of input (Ctrl-D, end of a pipe): everything is already saved.
  public func endOfInput() -> SessionReply {
    let reply = goodbye()
    return SessionReply(text: reply, succeeded: true, exit: true)
  }

  /// What Ctrl-C does: abandons `start`'s questions; otherwise nothing (the line was already discarded).
  public func interrupt() -> SessionReply {
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
    return lines.joined(separator: "\n")
  }

  func goodbye() -> String {
    startDraft = nil
    guard let audit else { return text(.goodbyeNoAudit) }
    let id = audit.id
    // A read-only session wrote nothing: say goodbye without claiming it saved the audit.
    let message: Message = isReadOnly ? .goodbyeNoAudit : .goodbye(id: id)
    closeAudit()
    return text(message)
  }

  func closeAudit() {
    if let audit { store.close(audit.id) }
    audit = nil
    currentItemID = nil
    isReadOnly = false
  }

  // MARK: - Changing the audit

  /// Records `change` the only safe way: on a copy, then on disk, then in memory.
  ///
  /// - Returns: `nil` when accepted, else the refusal to show (the audit is unchanged).
  func commit(_ change: AuditEvent.Change) -> SessionReply? {
    guard var next = audit else { return refuse(.noAudit) }
    if isReadOnly { return refuse(.readOnly(id: next.id)) }
    let event: AuditEvent
    do {
      event = try next.record(change, by: configuration.inspector, at: configuration.clock())
    } catch {
      return refuse(.auditRefused(error))
    }
    do {
      try store.append(event, to: next.id)
    } catch {
      return refuse(.notSaved(error))
    }
    audit = next
    return nil
  }

  // MARK: - Navigation

  /// The current item, if any.
  var currentItem: Item? {
    guard let currentItemID else { return nil }
    return audit?.checklist.item(withID: currentItemID)
  }

  /// The first open applicable item after `itemID` in checklist order, wrapping round; `nil` when none.
  func nextOpenItem(after itemID: ItemID?) -> ItemID? {
    guard let audit else { return nil }
    let open = audit.openItems
    guard let itemID, let position = audit.checklist.items.firstIndex(where: { $0.id == itemID }) else {
      return open.first?.id
    }
    let later = audit.checklist.items[(position + 1)...].map(\.id)
    return later.first { id in open.contains { $0.id == id } } ?? open.first?.id
  }

  // MARK: - Answers

  /// A line that is not a command: the current item's answer, or a mistyped command.
  func answerOrUnknown(_ line: String) -> SessionReply {
    let firstWord = String(line.split(whereSeparator: \.isWhitespace).first ?? "")
    let suggestion = EditDistance.closest(to: firstWord, in: Command.allWords)
    if let audit, audit.isFinished, suggestion == nil { return refuse(.auditFinished(id: audit.id)) }
    guard let audit, !audit.isFinished, let item = currentItem else {
      return refuse(.unknownCommand(word: firstWord, suggestion: suggestion))
    }
    let single = !line.contains(where: \.isWhitespace)
    // A one-word text answer that looks like a mistyped command is more likely the typo.
    if case .text = item.kind, single, let suggestion {
      return refuse(.unknownCommandOnText(word: firstWord, suggestion: suggestion))
    }
    let (answer, remark) = AnswerParser.splitRemark(line)
    guard let outcome = AnswerParser.parse(answer, for: item.kind) else {
      if let suggestion { return refuse(.unknownCommand(word: firstWord, suggestion: suggestion)) }
      return refuse(
        .answerNotAccepted(
          item: item.id, kind: item.kind, given: answer,
          suggestion: AnswerParser.suggestion(for: answer, kind: item.kind)))
    }
    return record(outcome, remark: remark, for: item)
  }

  /// Records `outcome` for `item` and moves on to the next open item.
  func record(_ outcome: Outcome, remark: String?, for item: Item) -> SessionReply {
    let previous = audit?.records[item.id]?.state ?? .unanswered
    if let refusal = commit(.answered(item: item.id, outcome: outcome, remark: remark)) { return refusal }
    var lines: [String] = []
    if case .unanswered = previous {
      lines.append(text(.answered(item: item.id, outcome: outcome)))
    } else {
      lines.append(text(.answerChanged(item: item.id, from: previous, to: outcome, remark: remark)))
    }
    currentItemID = nextOpenItem(after: item.id)
    lines.append("")
    lines.append(renderCurrentOrDone())
    return SessionReply(text: lines.joined(separator: "\n"))
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

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
