import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

extension AuditSummary {
  func ratingsText(_ group: Group, _ language: Language) -> String {
    group.ratings.map { "\($0.label[language]) \($0.count)" }.joined(separator: ", ")
  }

  func groupTable(_ title: String, _ groups: [Group], _ say: Wording) -> String {
    var table = TextTable(
      headers: [title, say("Số cuộc", "Audits"), say("Điểm TB", "Mean"), say("Xếp loại", "Ratings")],
      rightAligned: [1, 2])
    for group in groups {
      let label =
        group.label[say.language] == group.key ? group.key : "\(group.key) — \(group.label[say.language])"
      table.rows.append([
        label, String(group.audits), say.score(group.meanScore),
        ratingsText(group, say.language),
      ])
    }
    return table.render()
  }

  /// The summary as text tables for a terminal. `top` limits the list of failing items (0: all).
  public func renderText(language: Language, top: Int = 10) -> String {
    let say = Wording(language)
    var out: [String] = []
    out.append(
      say("Tổng hợp", "Summary") + ": \(audits) " + say("cuộc kiểm tra", "audits") + "; "
        + say("đã đọc", "files read") + " \(filesRead), " + say("bỏ qua", "skipped") + " \(skipped.count)"
        + (duplicates > 0 ? ", " + say("trùng", "duplicates") + " \(duplicates)" : "")
        + (filteredOut > 0 ? ", " + say("bị lọc", "filtered out") + " \(filteredOut)" : ""))
    out.append(
      say("Điểm trung bình", "Mean score") + ": \(say.score(total.meanScore)); "
        + say("xếp loại", "ratings") + ": " + ratingsText(total, language))
    out.append("")
    out.append(groupTable(say("Đơn vị", "Unit"), units, say))
    out.append("")
    out.append(groupTable(say("Bộ tiêu chí", "Checklist"), checklists, say))
    if !focusAreas.isEmpty {
      out.append("")
      out.append(groupTable(say("Nội dung trọng tâm", "Focus area"), focusAreas, say))
    }
    out.append("")
    out.append(groupTable(say("Tháng", "Month"), months, say))
    out.append("")
    out.append(say("Xếp hạng đơn vị", "Ranking of units"))
    var ranks = TextTable(
      headers: ["#", say("Đơn vị", "Unit"), say("Điểm TB", "Mean"), say("Số cuộc", "Audits")],
      rightAligned: [0, 2, 3])
    for rank in ranking {
      ranks.rows.append([
        String(rank.rank), rank.unit, say.score(rank.meanScore), String(rank.audits),
      ])
    }
    out.append(ranks.render())
    out.append("")
    out.append(say("Mục không đạt nhiều nhất", "Items failing most often"))
    var items = TextTable(
      headers: [
        say("Mục", "Item"), say("Không đạt", "Failed"), say("Đã chấm", "Assessed"), say("Nội dung", "Text"),
      ],
      rightAligned: [1, 2])
    for item in (top > 0 ? Array(failingItems.prefix(top)) : failingItems) {
      items.rows.append([
        "\(item.checklist)/\(item.item)", String(item.failures), String(item.assessed), item.text[language],
      ])
    }
    out.append(items.render())
    out.append("")
    out.append(say("Vi phạm điểm liệt", "Critical failures") + " (\(criticalFailures.count))")
    if !criticalFailures.isEmpty {
      var table = TextTable(headers: [
        say("Ngày", "Date"), say("Đơn vị", "Unit"), say("Mục", "Item"), say("Cuộc kiểm tra", "Audit"),
      ])
      for failure in criticalFailures {
        table.rows.append([failure.date.description, failure.unit, failure.item.rawValue, failure.audit])
      }
      out.append(table.render())
    }
    out.append("")
    out.append(
      say("Biện pháp khắc phục quá hạn", "Corrective actions past their deadline")
        + " (\(overdueActions.count), "
        + say("tính đến", "as of") + " \(today))")
    if !overdueActions.isEmpty {
      var table = TextTable(
        headers: [
          say("Hạn", "Due"), say("Quá", "Days"), say("Đơn vị", "Unit"),
          say("Người chịu trách nhiệm", "Owner"), say("Biện pháp", "Action"),
        ],
        rightAligned: [1])
      for action in overdueActions {
        table.rows.append([
          action.due.description, String(action.daysOverdue), action.unit, action.owner, action.what,
        ])
      }
      out.append(table.render())
    }
    if !warnings.isEmpty {
      out.append("")
      out.append(
        say("Cảnh báo: tệp đã đọc nhưng có vấn đề", "Warnings: files read despite a problem")
          + " (\(warnings.count))")
      for file in warnings { out.append("  \(file.path): \(file.reason)") }
    }
    if !skipped.isEmpty {
      out.append("")
      out.append(say("Tệp bị bỏ qua", "Files skipped") + " (\(skipped.count))")
      for file in skipped { out.append("  \(file.path): \(file.reason)") }
    }
    return out.joined(separator: "\n")
  }
}
