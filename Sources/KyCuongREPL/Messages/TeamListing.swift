import Foundation
import KyCuong
import KyCuongStore

/// The state of a merged team audit as the REPL's `merge` and `kycuong audit merge` and `resolve` show it:
/// the devices, then each conflict with every device's answer, its recorder and time, and that recorder's
/// evidence on the item — what the leader weighs before resolving.
package enum TeamListing {
  /// The text, without a final line break.
  ///
  /// - Parameters:
  ///   - audit: The merged audit.
  ///   - devices: Each device's log, and what it brought this time.
  ///   - language: The language of the labels (what was recorded is shown as recorded).
  ///   - resolveHint: How to resolve a conflict where the listing is shown (the REPL's `resolve` or the
  ///     command line's).
  /// - Returns: The lines, sanitized for a terminal.
  package static func text(
    of audit: Audit, devices: [AuditStore.MergedDevice], language: Language, resolveHint: String
  ) -> String {
    let vi = language == .vi
    func t(_ viText: String, _ enText: String) -> String { vi ? viText : enText }
    var lines = [
      t(
        "Cuộc kiểm tra \(audit.id) (\(audit.header.unit.name)): \(devices.count) nhật ký thiết bị, "
          + "\(audit.events.count) sự kiện đã hợp nhất",
        "Audit \(audit.id) (\(audit.header.unit.name)): \(devices.count) device log(s), "
          + "\(audit.events.count) events merged")
    ]
    for device in devices {
      let added = device.added > 0 ? t(" (+\(device.added) mới)", " (+\(device.added) new)") : ""
      lines.append(
        "  " + TextLayout.pad(device.log.device, 16) + " " + TextLayout.pad(device.log.recorder ?? "", 23)
          + " " + t("\(device.log.events.count) sự kiện", "\(device.log.events.count) events") + added)
    }
    let conflicts = audit.conflicts.values.sorted {
      position(of: $0.item, in: audit) < position(of: $1.item, in: audit)
    }
    if conflicts.isEmpty {
      lines.append(t("Không có xung đột.", "No conflict."))
    } else {
      lines.append(
        t(
          "\(conflicts.count) xung đột: quyết định từng mục bằng \(resolveHint) "
            + "(TRẢ-LỜI như khi trả lời, hoặc `skip`).",
          "\(conflicts.count) conflict(s): resolve each with \(resolveHint) (ANSWER as in the REPL, or `skip`)."
        ))
      for conflict in conflicts {
        let title = audit.checklist.item(withID: conflict.item)?.text[language] ?? ""
        lines.append("  \(conflict.item)  \(title)")
        let record = audit.records[conflict.item]
        for answer in conflict.answers {
          lines.append(
            "    " + TextLayout.pad(answer.reference.description, 17) + " "
              + TextLayout.pad(answer.recorder, 23)
              + " " + Timestamp.string(from: answer.time) + "  " + describe(answer.state, in: language)
              + (answer.remark.map { " — \($0)" } ?? ""))
          for note in record?.notes ?? [] where note.by == answer.recorder {
            lines.append("      " + t("ghi chú: ", "note: ") + note.text)
          }
          for file in record?.attachments ?? [] where file.by == answer.recorder {
            lines.append("      " + t("tệp: ", "file: ") + "\(file.name) (sha256 \(file.sha256.prefix(12))…)")
          }
        }
      }
    }
    let open = audit.openItems.count
    lines.append(
      t("\(open) mục còn bỏ ngỏ", "\(open) open item(s)")
        + (audit.isFinished ? t("; đã kết thúc", "; finished") : ""))
    return TerminalText.sanitized(lines.joined(separator: "\n"))
  }

  /// The text as `kycuong audit merge` and `resolve` print it: in English, naming the command line's
  /// `resolve`, with a final line break.
  package static func commandLineText(of audit: Audit, devices: [AuditStore.MergedDevice]) -> String {
    text(
      of: audit, devices: devices, language: .en,
      resolveHint: "`kycuong audit resolve \(audit.id) ITEM ANSWER --reason TEXT`") + "\n"
  }

  /// An answer or skip in a few words, in `language`.
  package static func describe(_ state: ItemState, in language: Language) -> String {
    switch state {
    case .unanswered: Message.unansweredStatus.text(in: language)
    case .skipped(let reason): Message.skippedStatus(reason).text(in: language)
    case .answered(let outcome): Message.outcome(outcome).text(in: language)
    }
  }

  private static func position(of item: ItemID, in audit: Audit) -> Int {
    audit.checklist.items.firstIndex { $0.id == item } ?? .max
  }
}
