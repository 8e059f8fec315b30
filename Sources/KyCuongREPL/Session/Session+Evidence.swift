import Foundation
import KyCuong

extension Session {
  /// What an evidence command is about: an item named first on the line, the audit with `--general`, or the
  /// item the inspector is on.
  struct Target {
    /// The item, or `nil` for the audit as a whole.
    var item: ItemID?
    /// The rest of the line, parsed.
    var arguments: Arguments
  }

  /// Reads `rest` for `command`: an optional item id first, then the options it takes, then free text.
  func target(
    _ rest: String, for command: Command, options: Set<String> = [],
    flags: Set<String> = ["general", "chung"]
  ) -> Result<Target, RefusedLine> {
    var rest = Substring(rest)
    var named: ItemID?
    if let first = Arguments.tokens(of: String(rest)).first, !first.quoted,
      let item = item(named: first.value)
    {
      named = item.id
      rest = rest[first.range.upperBound...].drop(while: \.isWhitespace)
    }
    switch arguments(String(rest), for: command, options: options, flags: flags) {
    case .failure(let refusal): return .failure(refusal)
    case .success(let arguments):
      let general = arguments.flags.contains("general") || arguments.flags.contains("chung")
      return .success(Target(item: general ? nil : named ?? targetItemID, arguments: arguments))
    }
  }

  /// `note [ITEM] [--general] TEXT`.
  func note(_ rest: String) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    let target: Target
    switch self.target(rest, for: .note) {
    case .success(let found): target = found
    case .failure(let refusal): return refusal.reply
    }
    guard !target.arguments.text.isEmpty else { return refuse(.usage(.note)) }
    if let refusal = commit(.noted(item: target.item, text: target.arguments.text)) { return refusal }
    return reply(.recorded(command: .note, item: target.item))
  }

  /// `explain [ITEM] [--general] [--by NAME] TEXT`: the unit's explanation, in its representative's name
  /// (or the name given), not the recorder's.
  func explain(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let target: Target
    switch self.target(rest, for: .explain, options: ["by"]) {
    case .success(let found): target = found
    case .failure(let refusal): return refusal.reply
    }
    guard !target.arguments.text.isEmpty else { return refuse(.usage(.explain)) }
    let speaker =
      target.arguments.options["by"].flatMap { $0.isEmpty ? nil : $0 } ?? audit.header.unit.representative
    let change = AuditEvent.Change.explained(item: target.item, text: target.arguments.text, speaker: speaker)
    if let refusal = commit(change) { return refusal }
    var lines = [text(.explanationRecorded(item: target.item, speaker: speaker))]
    if speaker == nil { lines.append(text(.noRepresentativeHint)) }
    return SessionReply(text: lines.joined(separator: "\n"))
  }

  /// `finding`, `recommend`: about the audit as a whole, the text as typed.
  func auditText(_ rest: String, command: Command, change: (String) -> AuditEvent.Change) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    let arguments: Arguments
    switch self.arguments(rest, for: command) {
    case .success(let parsed): arguments = parsed
    case .failure(let refusal): return refusal.reply
    }
    guard !arguments.text.isEmpty else { return refuse(.usage(command)) }
    if let refusal = commit(change(arguments.text)) { return refusal }
    return reply(.recorded(command: command, item: nil))
  }

  /// `representative NAME [--title TEXT]`.
  func representative(_ rest: String) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    let arguments: Arguments
    switch self.arguments(rest, for: .representative, options: ["title"]) {
    case .success(let parsed): arguments = parsed
    case .failure(let refusal): return refusal.reply
    }
    guard !arguments.joined.isEmpty else { return refuse(.usage(.representative)) }
    let title = arguments.options["title"].flatMap { $0.isEmpty ? nil : $0 }
    if let refusal = commit(.representative(name: arguments.joined, title: title)) { return refusal }
    return reply(.recorded(command: .representative, item: nil))
  }

  /// `present N`: the staff present, the N of later observation answers typed as one count.
  func present(_ rest: String) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    guard let count = Int(rest) else { return refuse(.usage(.present)) }
    if let refusal = commit(.staffPresent(count: count)) { return refusal }
    return reply(.staffCounted(count))
  }

  /// `skip [ITEM] REASON`: the current item (the one shown to answer; skipping is the other way to deal
  /// with it), or the one named, is not checked; the current item moves on when it was the one skipped.
  func skip(_ rest: String) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    let target: Target
    switch self.target(rest, for: .skip, flags: []) {
    case .success(let found): target = found
    case .failure(let refusal): return refusal.reply
    }
    let named = Arguments.tokens(of: rest).first.map { !$0.quoted && item(named: $0.value) != nil } ?? false
    guard let itemID = named ? target.item : currentItemID else { return refuse(.allAnswered) }
    let reason = target.arguments.text
    guard !reason.isEmpty else { return refuse(.usage(.skip)) }
    if let refusal = commit(.skipped(item: itemID, reason: reason)) { return refusal }
    if itemID == currentItemID || currentItemID == nil {
      currentItemID = nextOpenItem(after: itemID)
      focusItemID = currentItemID == itemID ? nil : itemID
    }
    return SessionReply(
      text: [text(.skipped(item: itemID)), "", renderCurrentOrDone()].joined(separator: "\n"))
  }

  /// `action [ITEM] WHAT --owner NAME --due DATE`: a due date in the past is asked about first.
  func action(_ rest: String) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    let target: Target
    switch self.target(rest, for: .action, options: ["owner", "due"]) {
    case .success(let found): target = found
    case .failure(let refusal): return refusal.reply
    }
    let arguments = target.arguments
    guard let owner = arguments.options["owner"], !owner.isEmpty, let dueText = arguments.options["due"],
      !arguments.text.isEmpty
    else { return refuse(.usage(.action)) }
    let due: CalendarDate
    do {
      due = try CalendarDate(parsing: dueText)
    } catch {
      return refuse(.badDate(error))
    }
    let change = AuditEvent.Change.correctiveAction(
      what: arguments.text, owner: owner, due: due, item: target.item)
    let recordIt: (Session) -> SessionReply = { session in
      if let refusal = session.commit(change) { return refusal }
      return session.reply(.recorded(command: .action, item: target.item))
    }
    let today = CalendarDate(configuration.clock(), in: .vietnam)
    if due < today { return ask(text(.pastDueDate(due, today: today))) { recordIt($0) } }
    return recordIt(self)
  }
}
