import Foundation
import KyCuongAudit
import KyCuongModel
import KyCuongSupport

extension AuditComparison {
  /// The comparison as text tables for a terminal.
  public func renderText(language: Language) -> String {
    let say = Wording(language)
    var lines: [String] = []
    lines.append(say("So sánh kết quả kiểm tra lại", "Re-inspection compared"))
    lines.append(
      say("Lần trước", "Before") + ": \(old.id)  \(ReportFormatting.day(old.startedAt))  \(old.unit)  "
        + "\(old.checklist) \(old.version)")
    lines.append(
      say("Lần này", "Now") + ": \(new.id)  \(ReportFormatting.day(new.startedAt))  \(new.unit)  "
        + "\(new.checklist) \(new.version)")
    if forced {
      lines.append(
        say(
          "Lưu ý: hai cuộc kiểm tra khác đơn vị hoặc khác bộ tiêu chí (so sánh theo --allow-mismatch)",
          "Note: the audits differ in unit or checklist (compared with --allow-mismatch)"))
    }
    lines.append("")
    var scores = TextTable(
      headers: [
        say("Nội dung", "Score"), say("Trước", "Before"), say("Sau", "Now"), say("Thay đổi", "Change"),
      ],
      rightAligned: [1, 2, 3])
    for delta in [overall] + sections + focusAreas {
      let label = delta.id == "overall" ? delta.title[language] : "\(delta.id) — \(delta.title[language])"
      scores.rows.append([
        label, say.score(delta.old), say.score(delta.new), say.delta(from: delta.old, to: delta.new),
      ])
    }
    lines.append(scores.render())
    for (title, items) in [
      (say("Đã khắc phục", "Fixed"), fixed), (say("Mới không đạt", "Newly failing"), newlyFailing),
      (say("Vẫn không đạt", "Still failing"), stillFailing),
    ] {
      lines.append("")
      lines.append("\(title) (\(items.count))")
      if items.isEmpty { continue }
      var table = TextTable(
        headers: [say("Mục", "Item"), say("Trước", "Before"), say("Sau", "Now"), say("Nội dung", "Text")],
        rightAligned: [1, 2])
      for item in items {
        table.rows.append([
          item.id.rawValue + (item.critical ? " *" : ""),
          say.score(item.oldScore.map { $0 * 100 }), say.score(item.newScore.map { $0 * 100 }),
          item.text[language],
        ])
      }
      lines.append(table.render())
    }
    if !onlyInOld.isEmpty || !onlyInNew.isEmpty {
      lines.append("")
      lines.append(
        say("Chỉ có ở lần trước", "Only in the earlier checklist") + ": "
          + (onlyInOld.isEmpty ? "—" : onlyInOld.map(\.rawValue).joined(separator: ", ")))
      lines.append(
        say("Chỉ có ở lần này", "Only in the later checklist") + ": "
          + (onlyInNew.isEmpty ? "—" : onlyInNew.map(\.rawValue).joined(separator: ", ")))
    }
    lines.append("")
    lines.append(
      say("Biện pháp khắc phục của lần trước", "Corrective actions from the earlier audit")
        + " (\(actions.count))")
    if !actions.isEmpty {
      var table = TextTable(
        headers: [
          say("Biện pháp", "Action"), say("Người chịu trách nhiệm", "Owner"), say("Hạn", "Due"),
          say("Mục", "Item"), say("Tình trạng", "Status"),
        ])
      for followUp in actions {
        table.rows.append([
          followUp.action.what, followUp.action.owner, followUp.action.due.description,
          followUp.action.item?.rawValue ?? "—",
          followUp.status.label(language),
        ])
      }
      lines.append(table.render())
    }
    return lines.joined(separator: "\n")
  }
}
