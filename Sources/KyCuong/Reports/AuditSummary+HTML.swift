import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

extension AuditSummary {
  /// The summary as one self-contained HTML page, with charts in inline SVG: mean score per unit, failures
  /// per item, and the trend of the mean score per month. `top` limits the failing items (0: all).
  public func html(language: Language, top: Int = 15) -> String {
    let say = Wording(language)
    return HTMLPage.page(
      title: say("Tổng hợp kết quả kiểm tra công vụ", "Summary of inspections"), language: language,
      style: Self.htmlStyle, body: htmlBody(language: language, top: top))
  }

  /// The page's own style, beside ``HTMLPage``'s.
  package static let htmlStyle =
    "h1 { text-align: left; } .lead { color: #333; } svg { max-width: 100%; height: auto; display: block; margin: 6pt 0; }"

  /// The summary's content, the body of ``html(language:top:)``: for pages that frame it (the department
  /// server's dashboard).
  package func htmlBody(language: Language, top: Int = 15) -> String {
    let say = Wording(language)
    let e = ReportFormatting.escapeHTML
    var out: [String] = []
    out.append("<h1>" + say("TỔNG HỢP KẾT QUẢ KIỂM TRA CÔNG VỤ", "SUMMARY OF INSPECTIONS") + "</h1>")
    out.append(
      "<p class=\"lead\">" + say("Số cuộc kiểm tra", "Audits") + ": <strong>\(audits)</strong> · "
        + say("Tệp đã đọc", "Files read") + ": \(filesRead) · " + say("Bỏ qua", "Skipped")
        + ": \(skipped.count)"
        + (duplicates > 0 ? " · " + say("Trùng", "Duplicates") + ": \(duplicates)" : "")
        + (filteredOut > 0 ? " · " + say("Bị lọc", "Filtered out") + ": \(filteredOut)" : "") + " · "
        + say("Điểm trung bình", "Mean score")
        + ": <strong>\(say.score(total.meanScore))</strong> · "
        + say("Tính đến ngày", "As of") + " \(e(today.description))</p>")

    func groupTable(_ title: String, _ groups: [Group]) {
      out.append(
        "<table><thead><tr><th>\(title)</th><th class=\"num\">" + say("Số cuộc", "Audits")
          + "</th><th class=\"num\">"
          + say("Điểm TB", "Mean") + "</th><th>" + say("Xếp loại", "Ratings") + "</th></tr></thead><tbody>")
      for group in groups {
        let label = group.label[language] == group.key ? group.key : "\(group.key) — \(group.label[language])"
        out.append(
          "<tr><td>\(e(label))</td><td class=\"num\">\(group.audits)</td><td class=\"num\">\(say.score(group.meanScore))"
            + "</td><td>\(e(ratingsText(group, language)))</td></tr>")
      }
      out.append("</tbody></table>")
    }

    out.append("<h2>" + say("Điểm trung bình theo đơn vị", "Mean score per unit") + "</h2>")
    out.append(
      SVGChart.bars(
        ranking.map {
          SVGChart.Datum(label: $0.unit, value: $0.meanScore, valueText: say.score($0.meanScore))
        },
        maximum: 100, title: say("Điểm trung bình theo đơn vị (0–100)", "Mean score per unit (0–100)")))
    out.append("<h3>" + say("Xếp hạng đơn vị", "Ranking of units") + "</h3>")
    out.append(
      "<table><thead><tr><th class=\"num\">#</th><th>" + say("Đơn vị", "Unit") + "</th><th class=\"num\">"
        + say("Điểm TB", "Mean") + "</th><th class=\"num\">" + say("Số cuộc", "Audits")
        + "</th></tr></thead><tbody>")
    for rank in ranking {
      out.append(
        "<tr><td class=\"num\">\(rank.rank)</td><td>\(e(rank.unit))</td><td class=\"num\">\(say.score(rank.meanScore))"
          + "</td><td class=\"num\">\(rank.audits)</td></tr>")
    }
    out.append("</tbody></table>")
    groupTable(say("Đơn vị", "Unit"), units)

    out.append("<h2>" + say("Xu hướng theo tháng", "Trend per month") + "</h2>")
    out.append(
      SVGChart.line(
        months.map {
          SVGChart.Datum(label: $0.key, value: $0.meanScore, valueText: say.score($0.meanScore))
        },
        title: say("Điểm trung bình theo tháng", "Mean score per month")))
    groupTable(say("Tháng", "Month"), months)

    out.append(
      "<h2>" + say("Theo bộ tiêu chí và nội dung trọng tâm", "Per checklist and focus area") + "</h2>")
    groupTable(say("Bộ tiêu chí", "Checklist"), checklists)
    if !focusAreas.isEmpty { groupTable(say("Nội dung trọng tâm 2017", "2017 focus area"), focusAreas) }

    out.append(
      "<h2 class=\"page-break\">" + say("Mục không đạt nhiều nhất", "Items failing most often") + "</h2>")
    let shown = top > 0 ? Array(failingItems.prefix(top)) : failingItems
    out.append(
      SVGChart.bars(
        shown.map {
          SVGChart.Datum(
            label: "\($0.item) \($0.text[language])", value: Double($0.failures),
            valueText: "\($0.failures)/\($0.assessed)")
        },
        maximum: Double(shown.map(\.failures).max() ?? 1),
        title: say("Số lần không đạt theo mục", "Failures per item")))
    out.append(
      "<table><thead><tr><th>" + say("Mục", "Item") + "</th><th>" + say("Nội dung", "Text")
        + "</th><th class=\"num\">"
        + say("Không đạt", "Failed") + "</th><th class=\"num\">" + say("Đã chấm", "Assessed")
        + "</th></tr></thead><tbody>")
    for item in shown {
      out.append(
        "<tr><td>\(e(item.checklist))/\(e(item.item.rawValue))</td><td>\(e(item.text[language]))</td><td class=\"num\">"
          + "\(item.failures)</td><td class=\"num\">\(item.assessed)</td></tr>")
    }
    out.append("</tbody></table>")

    out.append("<h2>" + say("Vi phạm điểm liệt", "Critical failures") + " (\(criticalFailures.count))</h2>")
    if !criticalFailures.isEmpty {
      out.append(
        "<table><thead><tr><th>" + say("Ngày", "Date") + "</th><th>" + say("Đơn vị", "Unit") + "</th><th>"
          + say("Mục", "Item") + "</th><th>" + say("Cuộc kiểm tra", "Audit") + "</th></tr></thead><tbody>")
      for failure in criticalFailures {
        out.append(
          "<tr><td>\(e(failure.date.description))</td><td>\(e(failure.unit))</td><td>\(e(failure.item.rawValue)) \(e(failure.text[language]))"
            + "</td><td>\(e(failure.audit))</td></tr>")
      }
      out.append("</tbody></table>")
    }

    out.append(
      "<h2>" + say("Biện pháp khắc phục quá hạn", "Corrective actions past their deadline")
        + " (\(overdueActions.count))</h2>")
    if !overdueActions.isEmpty {
      out.append(
        "<table><thead><tr><th>" + say("Hạn", "Due") + "</th><th class=\"num\">"
          + say("Số ngày quá hạn", "Days overdue")
          + "</th><th>" + say("Đơn vị", "Unit") + "</th><th>" + say("Người chịu trách nhiệm", "Owner")
          + "</th><th>"
          + say("Biện pháp", "Action") + "</th></tr></thead><tbody>")
      for action in overdueActions {
        out.append(
          "<tr><td>\(e(action.due.description))</td><td class=\"num\">\(action.daysOverdue)</td><td>\(e(action.unit))</td>"
            + "<td>\(e(action.owner))</td><td>\(e(action.what))</td></tr>")
      }
      out.append("</tbody></table>")
    }
    if !warnings.isEmpty {
      out.append(
        "<h2 class=\"bad\">"
          + say("Cảnh báo: tệp đã đọc nhưng có vấn đề", "Warnings: files read despite a problem")
          + " (\(warnings.count))</h2><ul class=\"warnings\">")
      for file in warnings { out.append("<li><code>\(e(file.path))</code>: \(e(file.reason))</li>") }
      out.append("</ul>")
    }
    if !skipped.isEmpty {
      out.append("<h2>" + say("Tệp bị bỏ qua", "Files skipped") + " (\(skipped.count))</h2><ul>")
      for file in skipped { out.append("<li><code>\(e(file.path))</code>: \(e(file.reason))</li>") }
      out.append("</ul>")
    }
    return out.joined(separator: "\n")
  }
}
