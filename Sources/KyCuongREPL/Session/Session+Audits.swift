import Foundation
import KyCuong
import KyCuongStore

extension Session {
  /// `audits`: the saved audits.
  func audits() -> SessionReply {
    let summaries = store.list()
    if summaries.isEmpty { return reply(.noAudits(directory: store.directory.path)) }
    // Units' names come from the logs: `evaluate` makes them safe for the terminal, as every reply.
    return SessionReply(text: summaries.map(renderSummary).joined(separator: "\n"))
  }

  /// `resume ID [--read-only]`: opens a saved audit where the inspector left it.
  func resume(_ rest: String) -> SessionReply {
    let arguments = Arguments(rest, flagNames: ["read-only", "chi-doc"])
    guard let wanted = arguments.positional.first else { return refuse(.usage(.resume)) }
    let readOnly = !arguments.flags.isEmpty
    let ids = store.list().map(\.id)
    let matches = ids.contains(wanted) ? [wanted] : ids.filter { $0.hasPrefix(wanted) }
    if matches.count > 1 { return refuse(.ambiguousAudit(prefix: wanted, matches: matches)) }
    // No match: the store's own refusal says whether the id is malformed or absent.
    let id = matches.first ?? wanted
    let opened: AuditStore.OpenedAudit
    do {
      opened = try store.open(id, readOnly: readOnly)
    } catch {
      return refuse(.openFailed(error))
    }
    // Only once the new audit is open: a refused resume leaves the current audit as it was.
    if let audit, audit.id != id { closeAudit() }
    audit = opened.audit
    isReadOnly = opened.readOnly
    changes = []
    // The recorder: the one named on the command line, else whoever recorded last.
    recorder = configuration.inspector.isEmpty ? opened.audit.events.last?.author : configuration.inspector
    restorePosition(store.position(for: id))
    var lines: [String] = []
    lines.append(text(.resumed(summary: AuditListing(opened.audit), readOnly: opened.readOnly)))
    if !opened.readOnly, let recorder { lines.append(text(.recordingAs(recorder))) }
    if !opened.damage.isEmpty || !opened.chainBreaks.isEmpty {
      lines.append(text(.logDamage(opened.damage, chainBreaks: opened.chainBreaks)))
    }
    if let repair = opened.repair { lines.append(text(.logRepaired(repair, id: id))) }
    lines.append("")
    lines.append(renderCurrentOrDone())
    return SessionReply(text: lines.joined(separator: "\n"))
  }

  /// Puts the inspector back where `position` says, if its items still exist; else after the item of the
  /// last change, or on the first open item (``positionFromLog()``).
  func restorePosition(_ position: AuditPosition?) {
    guard let audit else { return }
    let exists = { (id: ItemID?) in id.flatMap { audit.checklist.item(withID: $0) } != nil }
    if let position, exists(position.current) || position.current == nil && exists(position.focus) {
      currentItemID = position.current
      focusItemID = exists(position.focus) ? position.focus : nil
      if let current = currentItemID, !audit.applicability.isApplicable(current) {
        currentItemID = nextOpenItem(after: current)
      }
    } else {
      let fromLog = positionFromLog()
      currentItemID = fromLog.current
      focusItemID = fromLog.focus
    }
    savedPosition = (AuditPosition(current: currentItemID, focus: focusItemID), audit.events.count)
    positionFileMayExist = true
  }

  /// `whoami [NAME]`: who records the changes from now on (the laptop changed hands), or who it is now.
  func whoami(_ rest: String) -> SessionReply {
    let name = rest.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else {
      let current = author
      return current.isEmpty ? reply(.nobodyRecording) : reply(.recordingAs(current))
    }
    recorder = name
    return reply(.recorderSwitched(name))
  }

  /// `compact [on|off]`: one line per item (guidance with `?`), or the full view.
  func setCompact(_ rest: String) -> SessionReply {
    switch VietnameseFolding.fold(rest) {
    case "on", "bat": compact = true
    case "off", "tat": compact = false
    default: compact.toggle()
    }
    return reply(.compactSet(compact))
  }

  /// `lang vi|en`.
  func lang(_ rest: String) -> SessionReply {
    let word = VietnameseFolding.fold(rest)
    switch word {
    case "vi", "viet", "tieng viet", "vietnamese": language = .vi
    case "en", "anh", "tieng anh", "english": language = .en
    default: return refuse(.usage(.lang))
    }
    return reply(.languageSet)
  }

  /// `help [COMMAND|all]`: the common commands, every command, or one in detail.
  func help(_ rest: String) -> SessionReply {
    let word = rest.trimmingCharacters(in: .whitespaces)
    if word.isEmpty { return reply(.helpShort) }
    let folded = VietnameseFolding.fold(word)
    if ["all", "tat ca", "tatca"].contains(folded) { return reply(.helpOverview) }
    if let match = Command.match(word) { return reply(.helpCommand(match.command)) }
    if ["answers", "answer", "tra loi", "traloi"].contains(folded) { return reply(.helpCommand(.answer)) }
    return refuse(.unknownCommand(word: word, suggestion: Command.suggestion(for: word)))
  }
}
