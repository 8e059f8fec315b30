import Foundation
import KyCuong

extension Session {
  /// The reason `undo` records.
  static let undoReason = "hoàn tác (undo)"

  /// `retract`: lists what can be withdrawn on the item the inspector is on and on the audit, each with its
  /// event number; `retract #N REASON` (or `retract N REASON`) withdraws it.
  func retract(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let words = rest.split(separator: " ", maxSplits: 1).map(String.init)
    guard let first = words.first else { return SessionReply(text: retractableList(audit)) }
    guard let number = Int(first.hasPrefix("#") ? String(first.dropFirst()) : first) else {
      return refuse(.usage(.retract))
    }
    let reason = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
    guard !reason.isEmpty else { return refuse(.retractNeedsReason(event: number)) }
    return withdraw(number, reason: reason)
  }

  /// `undo`: withdraws the last change this session made that is still in effect.
  func undo() -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    while let last = changes.last {
      guard let event = audit.event(last), !audit.withdrawn.contains(last) else {
        changes.removeLast()
        continue
      }
      guard event.change.isRetractable else {
        return refuse(.cannotUndo(type: event.change.typeName))
      }
      changes.removeLast()
      return withdraw(last, reason: Self.undoReason, undoing: true)
    }
    return refuse(.nothingToUndo)
  }

  /// Records the retraction of event `sequence` and says what was withdrawn.
  private func withdraw(_ sequence: Int, reason: String, undoing: Bool = false) -> SessionReply {
    guard let audit, let event = audit.event(sequence) else {
      return refuse(.auditRefused(.noSuchEvent(sequence)))
    }
    switch change(.retracted(event: sequence, reason: reason), undoable: !undoing) {
    case .failure(let message): return refuse(message)
    case .success: break
    }
    // An answer or skip withdrawn reopens its item: it is the one to answer now.
    var lines = [text(.retracted(describe(event), undo: undoing))]
    if case .answered(let item, _, _) = event.change, self.audit?.records[item]?.state == .unanswered {
      moveTo(item)
      lines += ["", renderCurrentOrDone()]
    } else if case .skipped(let item, _) = event.change, self.audit?.records[item]?.state == .unanswered {
      moveTo(item)
      lines += ["", renderCurrentOrDone()]
    }
    return SessionReply(text: lines.joined(separator: "\n"))
  }

  /// The entries that can be withdrawn, most recent first: those of the item the inspector is on, then the
  /// audit's own.
  func retractableList(_ audit: Audit) -> String {
    let item = targetItemID
    let entries = audit.events.reversed().filter { event in
      guard event.change.isRetractable, !audit.withdrawn.contains(event.sequence) else { return false }
      switch event.change {
      case .retracted, .staffPresent, .representative: return false
      case .finding, .recommendation: return true
      default: return event.change.itemID == nil || event.change.itemID == item
      }
    }
    guard !entries.isEmpty else { return text(.nothingToRetract(item: item)) }
    var lines = [text(.retractableHeading(item: item))]
    for event in entries.prefix(15) {
      lines.append(TextLayout.shorten("  #\(event.sequence)  \(describe(event))", columns ?? 100))
    }
    lines.append(text(.retractHint))
    return lines.joined(separator: "\n")
  }

  /// What an event recorded, in a few words: `ghi chú BADGE-01: “…”`.
  func describe(_ event: AuditEvent) -> String {
    let vi = language == .vi
    func t(_ viText: String, _ enText: String) -> String { vi ? viText : enText }
    func on(_ item: ItemID?) -> String { item.map { " \($0)" } ?? t(" (chung)", " (general)") }
    switch event.change {
    case .answered(let item, let outcome, _):
      return t("trả lời", "answer") + " \(item): " + text(.outcome(outcome))
    case .skipped(let item, let reason): return t("bỏ qua", "skip") + " \(item): \(reason)"
    case .noted(let item, let note): return t("ghi chú", "note") + on(item) + ": “\(note)”"
    case .attached(let item, let attachment): return t("tệp", "file") + on(item) + ": \(attachment.name)"
    case .explained(let item, let text, _): return t("giải trình", "explanation") + on(item) + ": “\(text)”"
    case .finding(let text): return t("phát hiện", "finding") + ": “\(text)”"
    case .recommendation(let text): return t("kiến nghị", "recommendation") + ": “\(text)”"
    case .correctiveAction(let what, let owner, let due, let item):
      return t("biện pháp", "action") + on(item) + ": \(what) (\(owner), \(due))"
    case .representative(let name, _): return t("người đại diện", "representative") + ": \(name)"
    case .staffPresent(let count): return t("số người có mặt", "staff present") + ": \(count)"
    case .recordDetails(let pages, let copies):
      return t("biên bản \(pages) trang, \(copies) bản", "record of \(pages) pages, \(copies) copies")
    case .refusedToSign(let name, _): return t("từ chối ký", "refusal to sign") + ": \(name)"
    case .retracted(let target, _): return t("rút lại #\(target)", "retraction of #\(target)")
    default: return event.change.typeName
    }
  }
}
