import Foundation
import KyCuong
import KyCuongStore

/// The state of a merged team audit as `kycuong audit merge` and `resolve` print it: the devices, then each
/// conflict with every device's answer, its recorder and time, and that recorder's evidence on the item.
enum TeamListing {
  /// The text.
  ///
  /// - Parameters:
  ///   - audit: The merged audit.
  ///   - devices: Each device's log, and what it brought this time.
  /// - Returns: Lines for standard output.
  static func text(of audit: Audit, devices: [AuditStore.MergedDevice]) -> String {
    var lines = [
      "Audit \(audit.id) (\(audit.header.unit.name)): \(devices.count) device log(s), \(audit.events.count) events merged"
    ]
    for device in devices {
      let added = device.added > 0 ? " (+\(device.added) new)" : ""
      lines.append(
        "  " + pad(device.log.device, 16) + pad(device.log.recorder ?? "", 24)
          + "\(device.log.events.count) events"
          + added)
    }
    let conflicts = audit.conflicts.values.sorted {
      position(of: $0.item, in: audit) < position(of: $1.item, in: audit)
    }
    if conflicts.isEmpty {
      lines.append("No conflict.")
    } else {
      lines.append(
        "\(conflicts.count) conflict(s): resolve each with `kycuong audit resolve \(audit.id) ITEM ANSWER --reason TEXT` "
          + "(ANSWER as in the REPL, or `skip`).")
      for conflict in conflicts {
        let title = audit.checklist.item(withID: conflict.item)?.text.vi ?? ""
        lines.append("  \(conflict.item)  \(title)")
        for answer in conflict.answers {
          lines.append(
            "    " + pad(answer.reference.description, 18) + pad(answer.recorder, 24)
              + Timestamp.string(from: answer.time) + "  " + describe(answer.state)
              + (answer.remark.map { " — \($0)" } ?? ""))
          let record = audit.records[conflict.item]
          for note in record?.notes ?? [] where note.by == answer.recorder {
            lines.append("      note: \(note.text)")
          }
          for file in record?.attachments ?? [] where file.by == answer.recorder {
            lines.append("      file: \(file.name) (sha256 \(file.sha256.prefix(12))…)")
          }
        }
      }
    }
    let open = audit.openItems.count
    lines.append("\(open) open item(s)" + (audit.isFinished ? "; finished" : ""))
    return TerminalText.sanitized(lines.joined(separator: "\n")) + "\n"
  }

  /// An answer or skip in a few words.
  static func describe(_ state: ItemState) -> String {
    switch state {
    case .unanswered: "unanswered"
    case .skipped(let reason): "skipped: \(reason)"
    case .answered(let outcome):
      switch outcome {
      case .observation(let compliant, let observed): "\(compliant)/\(observed)"
      case .scale(let value): "scale \(value)"
      case .text(let text): "“\(text)”"
      default: outcome.name
      }
    }
  }

  private static func position(of item: ItemID, in audit: Audit) -> Int {
    audit.checklist.items.firstIndex { $0.id == item } ?? .max
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}
