import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

extension InspectionRecord {
  static let recordStyle = """
    table.head, table.head td { border: none; text-align: center; vertical-align: top; padding: 0; }
    table.head td.body { width: 42%; line-height: 1.5; }
    table.head td.motto { width: 58%; font-weight: bold; line-height: 1.5; }
    table.head span.rule { display: block; font-weight: bold; text-decoration: underline; }
    .number { margin: 2pt 0 0; }
    .basis p { margin: 2pt 0; font-style: italic; }
    .basis .missing { font-style: normal; font-weight: bold; }
    .subtitle { text-align: center; font-style: italic; margin: 2pt 0 10pt; }
    table.items { table-layout: fixed; }
    table.items th:nth-child(1) { width: 14%; }
    table.items th:nth-child(2) { width: 36%; }
    table.items th:nth-child(3) { width: 17%; }
    table.items th:nth-child(4) { width: 33%; }
    table.signatures, table.signatures td { border: none; text-align: center; vertical-align: top; }
    table.signatures strong { white-space: nowrap; }
    .sign-space { height: 28mm; }
    .refusal { text-align: left; font-size: 9pt; color: #333; margin-top: 6pt; }
    .closing { margin-top: 10pt; }
    pre.compare { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 8pt; }
    @page { @bottom-center { content: counter(page) "/" counter(pages); font-size: 9pt; } }
    """

  /// The record as one self-contained HTML page (inline CSS, no script, no network), printable on A4. The
  /// page's `lang` is the record's language; every text from the audit is escaped.
  public func html(language: Language) -> String {
    let w = words(language)
    let say = w.say
    let e = ReportFormatting.escapeHTML
    var out: [String] = []
    // The head: issuing body and team on the left, the national motto on the right.
    let head = head(say)
    out.append(
      "<table class=\"head\"><tr><td class=\"body\">\(e(head.body))<br><strong>\(head.team)</strong>"
        + "<span class=\"rule\"></span><p class=\"number\">" + say("Số", "No.") + ": \(e(number))</p></td>"
        + "<td class=\"motto\">" + say("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM")
        + "<span class=\"rule\">" + say("Độc lập – Tự do – Hạnh phúc", "Independence – Freedom – Happiness")
        + "</span></td></tr></table>")
    out.append("<h1>\(title(say))</h1>")
    out.append("<p class=\"subtitle\">\(subtitle(say))</p>")
    func keyValues(_ rows: [(String, String)]) {
      out.append("<table class=\"kv\">")
      for (key, value) in rows { out.append("<tr><th>\(e(key))</th><td>\(e(value))</td></tr>") }
      out.append("</table>")
    }
    func part(_ part: Part, pageBreak: Bool = false) {
      let extra = pageBreak ? " page-break" : ""
      out.append("<section class=\"part\(extra)\" id=\"part-\(part)\">")
      out.append("<h2>\(e(heading(part, language: language)))</h2>")
    }
    func endPart() { out.append("</section>") }

    part(.legalBasis)
    out.append("<div class=\"basis\">")
    if let missing = basisMissing(say) { out.append("<p class=\"missing\">\(e(missing))</p>") }
    for line in basisLines(w) { out.append("<p>\(e(line))</p>") }
    out.append("</div>")
    endPart()
    part(.timeAndPlace)
    out.append("<p class=\"opening\">\(e(opening(w)))</p>")
    keyValues(timeAndPlace(w))
    endPart()
    part(.team)
    keyValues(teamRows(say))
    endPart()
    part(.unit)
    keyValues(unitRows(say))
    endPart()

    part(.results)
    for (index, section) in checklist.sections.enumerated() {
      // Each checklist section starts a new printed page, so a section's results can be read, signed off
      // and filed on their own.
      out.append(
        "<section class=\"checklist-section\(index > 0 ? " page-break" : "")\" id=\"section-\(e(section.id))\">"
      )
      out.append("<h3>\(index + 1). \(e(section.title[language]))</h3>")
      out.append("<table class=\"items\"><thead><tr>")
      out.append(
        "<th>" + say("Mục", "Item") + "</th><th>" + say("Nội dung kiểm tra", "Requirement") + "</th><th>"
          + say("Kết quả", "Result") + "</th><th>" + say("Chứng cứ, giải trình", "Evidence, explanation")
          + "</th>")
      out.append("</tr></thead><tbody>")
      for exported in export.items where exported.section == section.id {
        let item = checklist.item(withID: exported.id)
        var cells = "<tr><td>\(e(exported.id.rawValue))"
        if exported.critical {
          cells += "<br><span class=\"muted\">" + say("điểm liệt", "critical") + "</span>"
        }
        cells += "</td><td>\(e(itemText(exported.id, say)))"
        if let item { cells += "<br><span class=\"muted\">\(e(sourceLine(item, say)))</span>" }
        let failing = results[exported.id]?.fails ?? false
        cells +=
          "</td><td class=\"result\"><span class=\"\(failing ? "bad" : "")\">\(e(outcome(exported, say)))</span>"
        if let score = itemScore(exported, w) {
          cells += "<br><span class=\"muted\">" + say("điểm", "score") + " \(score)</span>"
        }
        cells += "</td><td>"
        var evidence: [String] = []
        if let remark = exported.remark { evidence.append(say("Nhận xét", "Remark") + ": " + e(remark)) }
        for note in exported.notes { evidence.append(say("Ghi chú", "Note") + ": " + e(remarkLine(note, w))) }
        for file in exported.attachments {
          evidence.append(
            say("Tệp", "File") + ": " + e(file.name) + ", " + e(w.byteCount(file.size))
              + " (\(file.size) bytes)<br><span class=\"hash\">SHA-256 " + e(file.sha256) + "</span>")
        }
        for explanation in exported.explanations {
          evidence.append(
            "<em>" + say("Giải trình của đơn vị", "The unit's explanation") + "</em>: "
              + e(explanationLine(explanation, w)))
        }
        if !evidence.isEmpty {
          cells += "<ul class=\"evidence\">" + evidence.map { "<li>\($0)</li>" }.joined() + "</ul>"
        }
        cells += "</td></tr>"
        out.append(cells)
      }
      out.append("</tbody></table></section>")
    }
    if !export.notes.isEmpty || !export.attachments.isEmpty {
      out.append("<h3>" + say("Ghi chú chung", "General notes") + "</h3><ul>")
      for note in export.notes { out.append("<li>\(e(remarkLine(note, w)))</li>") }
      for file in export.attachments {
        out.append("<li>" + say("Tệp đính kèm", "Attachment") + ": \(e(attachmentLine(file, w)))</li>")
      }
      out.append("</ul>")
    }
    endPart()

    part(.explanation)
    let explanations = explanations()
    if explanations.isEmpty {
      out.append("<p>" + say("Đơn vị không có ý kiến giải trình.", "The unit gave no explanation.") + "</p>")
    } else {
      out.append("<ul>")
      for (item, remark) in explanations {
        out.append(
          "<li>" + (item.map { "<strong>\(e($0.rawValue))</strong>: " } ?? "") + e(explanationLine(remark, w))
            + "</li>")
      }
      out.append("</ul>")
    }
    endPart()

    part(.scores, pageBreak: true)
    let scores = self.scores
    out.append("<table class=\"kv\">")
    out.append(
      "<tr><th>" + say("Tổng điểm", "Overall score")
        + "</th><td><strong>\(w.score(scores.overall))</strong></td></tr>")
    if let rating = scores.rating {
      let forced =
        scores.ratingForcedByCriticalFailure
        ? say(" (do vi phạm điểm liệt)", " (forced by a critical failure)") : ""
      out.append(
        "<tr><th>" + say("Xếp loại", "Rating")
          + "</th><td><strong>\(e(rating.label[language]))</strong>\(forced)</td></tr>")
    }
    let critical =
      scores.criticalFailures.isEmpty
      ? say("không có", "none")
      : "<span class=\"bad\">"
        + scores.criticalFailures.map { e("\($0) \(itemText($0, say))") }.joined(separator: "; ")
        + "</span>"
    out.append(
      "<tr><th>" + say("Điểm liệt không đạt", "Critical failures") + "</th><td>\(critical)</td></tr>")
    out.append(
      "<tr><th>" + say("Mức hoàn thành", "Completeness") + "</th><td>\(scores.completeness.answered)/"
        + "\(scores.completeness.applicable)"
        + (scores.provisional ? say(" (tạm tính)", " (provisional)") : "")
        + "</td></tr>")
    out.append("</table>")
    out.append(
      "<table><thead><tr><th>" + say("Phần", "Section") + "</th><th class=\"num\">"
        + say("Trọng số", "Weight")
        + "</th><th class=\"num\">" + say("Số mục chấm", "Items scored") + "</th><th class=\"num\">"
        + say("Điểm", "Score") + "</th></tr></thead><tbody>")
    for section in scores.sections {
      out.append(
        "<tr><td>\(e(sectionTitle(section.id, say)))</td><td class=\"num\">\(w.number(section.weight))</td>"
          + "<td class=\"num\">\(section.scoredItems)</td><td class=\"num\">\(w.score(section.score))</td></tr>"
      )
    }
    out.append("</tbody></table>")
    if !scores.focusAreas.isEmpty {
      out.append(
        "<table><thead><tr><th>" + say("Nội dung trọng tâm 2017", "2017 focus area")
          + "</th><th class=\"num\">"
          + say("Số mục chấm", "Items scored") + "</th><th class=\"num\">" + say("Điểm", "Score")
          + "</th></tr></thead><tbody>")
      for area in scores.focusAreas {
        out.append(
          "<tr><td>\(e(checklist.label(forTag: area.tag)[language]))</td><td class=\"num\">\(area.scoredItems)</td>"
            + "<td class=\"num\">\(w.score(area.score))</td></tr>")
      }
      out.append("</tbody></table>")
    }
    endPart()

    if let previous {
      part(.comparison)
      out.append(comparisonHTML(previous, w))
      endPart()
    }

    for (kind, remarks) in [(Part.findings, export.findings), (.recommendations, export.recommendations)] {
      part(kind)
      if remarks.isEmpty {
        out.append("<p>" + say("Không có.", "None.") + "</p>")
      } else {
        out.append("<ol>" + remarks.map { "<li>\(e($0.text))</li>" }.joined() + "</ol>")
      }
      endPart()
    }

    part(.correctiveActions)
    if export.correctiveActions.isEmpty {
      out.append("<p>" + say("Không có.", "None.") + "</p>")
    } else {
      out.append(
        "<table><thead><tr><th class=\"num\">#</th><th>" + say("Biện pháp", "Action") + "</th><th>"
          + say("Người chịu trách nhiệm", "Owner") + "</th><th>" + say("Hạn hoàn thành", "Deadline")
          + "</th><th>"
          + say("Mục", "Item") + "</th></tr></thead><tbody>")
      for (index, action) in export.correctiveActions.enumerated() {
        out.append(
          "<tr><td class=\"num\">\(index + 1)</td><td>\(e(action.what))</td><td>\(e(action.owner))</td>"
            + "<td>\(e(w.shortDay(action.due)))</td><td>\(e(action.item?.rawValue ?? "—"))</td></tr>")
      }
      out.append("</tbody></table>")
    }
    endPart()

    out.append(
      "<section class=\"part signatures-part\" id=\"part-signatures\" style=\"break-inside: avoid\">")
    out.append("<h2>\(e(heading(.signatures, language: language)))</h2>")
    out.append("<p class=\"closing\">\(e(closing(w)))</p>")
    let blocks = signatureBlocks(say)
    out.append("<table class=\"signatures\"><tr>")
    for block in blocks {
      out.append(
        "<td style=\"width: \(100 / blocks.count)%\"><strong>\(e(block.heading))</strong><br><em>"
          + say("(Ký, ghi rõ họ tên)", "(Signature and full name)")
          + "</em><div class=\"sign-space\"></div><strong>\(e(block.name))</strong>"
          + (block.refusal.map { "<div class=\"refusal\">\(e($0))</div>" } ?? "") + "</td>")
    }
    out.append("</tr></table>")
    for line in refusalLines(say) { out.append("<p class=\"refusal\">\(e(line))</p>") }
    if let line = signatureLine(say, language: language) {
      out.append("<p class=\"digital-signature\">\(e(line))</p>")
    }
    out.append("</section>")

    part(.annex, pageBreak: true)
    if checklist.sources.isEmpty {
      out.append("<p>" + say("Không có văn bản được trích dẫn.", "No document cited.") + "</p>")
    } else {
      out.append("<ul>")
      for citation in checklist.sources {
        out.append("<li>\(e(annexLine(citation, w)))</li>")
      }
      out.append("</ul>")
    }
    endPart()

    let pageTitle = "\(title(say)) \(number) — \(export.audit.unit.name)"
    return HTMLPage.page(
      title: pageTitle, language: language, style: Self.recordStyle, body: out.joined(separator: "\n"))
  }

  private func comparisonHTML(_ comparison: AuditComparison, _ w: RecordWording) -> String {
    let say = w.say
    let e = ReportFormatting.escapeHTML
    let language = say.language
    var out: [String] = []
    out.append(
      "<p>" + say("Lần kiểm tra trước", "Previous audit") + ": \(e(comparison.old.id)), "
        + e(w.shortDay(w.calendarDay(comparison.old.startedAt))) + ", "
        + e("\(comparison.old.checklist) \(comparison.old.version)") + "</p>")
    out.append(
      "<table><thead><tr><th>" + say("Nội dung", "Score") + "</th><th class=\"num\">" + say("Trước", "Before")
        + "</th><th class=\"num\">" + say("Sau", "Now") + "</th><th class=\"num\">"
        + say("Thay đổi", "Change")
        + "</th></tr></thead><tbody>")
    for delta in [comparison.overall] + comparison.sections + comparison.focusAreas {
      let css = (delta.change ?? 0) < 0 ? "bad" : ((delta.change ?? 0) > 0 ? "good" : "")
      out.append(
        "<tr><td>\(e(delta.title[language]))</td><td class=\"num\">\(w.score(delta.old))</td>"
          + "<td class=\"num\">\(w.score(delta.new))</td><td class=\"num \(css)\">"
          + "\(w.delta(from: delta.old, to: delta.new))</td></tr>")
    }
    out.append("</tbody></table>")
    for (title, items) in [
      (say("Đã khắc phục", "Fixed"), comparison.fixed),
      (say("Mới không đạt", "Newly failing"), comparison.newlyFailing),
      (say("Vẫn không đạt", "Still failing"), comparison.stillFailing),
    ] {
      out.append(
        "<p><strong>\(title) (\(items.count))</strong>"
          + (items.isEmpty
            ? "" : ": " + items.map { e("\($0.id) \($0.text[language])") }.joined(separator: "; "))
          + "</p>")
    }
    if !comparison.onlyInOld.isEmpty || !comparison.onlyInNew.isEmpty {
      out.append(
        "<p>" + say("Chỉ có ở lần trước", "Only in the earlier checklist") + ": "
          + e(
            comparison.onlyInOld.isEmpty ? "—" : comparison.onlyInOld.map(\.rawValue).joined(separator: ", "))
          + "<br>"
          + say("Chỉ có ở lần này", "Only in the later checklist") + ": "
          + e(
            comparison.onlyInNew.isEmpty ? "—" : comparison.onlyInNew.map(\.rawValue).joined(separator: ", "))
          + "</p>")
    }
    if !comparison.actions.isEmpty {
      out.append(
        "<table><thead><tr><th>" + say("Biện pháp khắc phục lần trước", "Earlier corrective action")
          + "</th><th>"
          + say("Người chịu trách nhiệm", "Owner") + "</th><th>" + say("Hạn", "Due") + "</th><th>"
          + say("Tình trạng", "Status") + "</th></tr></thead><tbody>")
      for followUp in comparison.actions {
        let css =
          followUp.status == .notDone ? " class=\"bad\"" : (followUp.status == .done ? " class=\"good\"" : "")
        out.append(
          "<tr><td>\(e(followUp.action.what))</td><td>\(e(followUp.action.owner))</td><td>\(e(w.shortDay(followUp.action.due)))</td>"
            + "<td\(css)>\(followUp.status.label(language))</td></tr>")
      }
      out.append("</tbody></table>")
    }
    return out.joined(separator: "\n")
  }
}
