import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

extension InspectionRecord {
  /// The record as Markdown (CommonMark with tables), every text from the audit escaped.
  public func markdown(language: Language) -> String {
    let w = words(language)
    let say = w.say
    let md = ReportFormatting.escapeMarkdown
    var out: [String] = []
    // The head: issuing body and team on the left, the national motto on the right.
    let head = head(say)
    out.append(
      "| \(md(head.body))<br>**\(head.team)** | "
        + say("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**SOCIALIST REPUBLIC OF VIET NAM**") + "<br>"
        + say("**Độc lập – Tự do – Hạnh phúc**", "**Independence – Freedom – Happiness**") + " |")
    out.append("|:---:|:---:|")
    out.append("| " + say("Số", "No.") + ": \(md(number)) | |")
    out.append("")
    out.append("# \(title(say))")
    out.append("")
    out.append(subtitle(say))
    func table(_ rows: [(String, String)]) {
      out.append("| | |")
      out.append("|---|---|")
      for (key, value) in rows { out.append("| \(key) | \(md(value)) |") }
    }
    func part(_ part: Part) {
      out.append("")
      out.append("## \(heading(part, language: language))")
      out.append("")
    }

    part(.legalBasis)
    if let missing = basisMissing(say) { out.append("*\(md(missing))*") }
    for line in basisLines(w) { out.append("- \(md(line))") }
    part(.timeAndPlace)
    out.append(md(opening(w)))
    out.append("")
    table(timeAndPlace(w))
    part(.team)
    table(teamRows(say))
    part(.unit)
    table(unitRows(say))

    part(.results)
    for (index, section) in checklist.sections.enumerated() {
      out.append("")
      out.append("### \(index + 1). \(md(section.title[language]))")
      for exported in export.items where exported.section == section.id {
        out.append("")
        let critical = exported.critical ? say(" (điểm liệt)", " (critical)") : ""
        out.append("**\(md(exported.id.rawValue))**\(critical) — \(md(itemText(exported.id, say)))")
        out.append("")
        var result = "- " + say("Kết quả", "Result") + ": " + md(outcome(exported, say))
        if let score = itemScore(exported, w) { result += " (" + say("điểm", "score") + " \(score))" }
        out.append(result)
        if let item = checklist.item(withID: exported.id) {
          out.append("- " + say("Căn cứ", "Rule") + ": " + md(sourceLine(item, say)))
        }
        if let remark = exported.remark { out.append("- " + say("Nhận xét", "Remark") + ": " + md(remark)) }
        for note in exported.notes {
          out.append("- " + say("Ghi chú chứng cứ", "Evidence note") + ": " + md(remarkLine(note, w)))
        }
        for file in exported.attachments {
          out.append("- " + say("Tệp đính kèm", "Attachment") + ": " + md(attachmentLine(file, w)))
        }
        for explanation in exported.explanations {
          out.append(
            "- " + say("Giải trình của đơn vị", "The unit's explanation") + ": "
              + md(explanationLine(explanation, w))
          )
        }
      }
    }
    if !export.notes.isEmpty || !export.attachments.isEmpty {
      out.append("")
      out.append("### " + say("Ghi chú chung", "General notes"))
      out.append("")
      for note in export.notes { out.append("- " + md(remarkLine(note, w))) }
      for file in export.attachments {
        out.append("- " + say("Tệp đính kèm", "Attachment") + ": " + md(attachmentLine(file, w)))
      }
    }

    part(.explanation)
    let explanations = explanations()
    if explanations.isEmpty {
      out.append(say("Đơn vị không có ý kiến giải trình.", "The unit gave no explanation."))
    }
    for (item, remark) in explanations {
      out.append("- " + (item.map { "**\(md($0.rawValue))**: " } ?? "") + md(explanationLine(remark, w)))
    }

    part(.scores)
    let scores = self.scores
    var summary: [(String, String)] = [
      (say("Tổng điểm", "Overall score"), w.score(scores.overall))
    ]
    if let rating = scores.rating {
      summary.append(
        (
          say("Xếp loại", "Rating"),
          rating.label[language]
            + (scores.ratingForcedByCriticalFailure
              ? say(" (do vi phạm điểm liệt)", " (forced by a critical failure)") : "")
        ))
    }
    summary.append(
      (
        say("Điểm liệt không đạt", "Critical failures"),
        scores.criticalFailures.isEmpty
          ? say("không có", "none")
          : scores.criticalFailures.map { "\($0) \(itemText($0, say))" }.joined(separator: "; ")
      ))
    summary.append(
      (
        say("Mức hoàn thành", "Completeness"),
        "\(scores.completeness.answered)/\(scores.completeness.applicable)"
          + (scores.provisional ? say(" (tạm tính)", " (provisional)") : "")
      ))
    table(summary)
    out.append("")
    out.append(
      "| " + say("Phần", "Section") + " | " + say("Trọng số", "Weight") + " | " + say("Điểm", "Score") + " |")
    out.append("|---|---:|---:|")
    for section in scores.sections {
      out.append(
        "| \(md(sectionTitle(section.id, say))) | \(w.number(section.weight)) | \(w.score(section.score)) |"
      )
    }
    if !scores.focusAreas.isEmpty {
      out.append("")
      out.append(
        "| " + say("Nội dung trọng tâm 2017", "2017 focus area") + " | " + say("Điểm", "Score") + " |")
      out.append("|---|---:|")
      for area in scores.focusAreas {
        out.append(
          "| \(md(checklist.label(forTag: area.tag)[language])) | \(w.score(area.score)) |")
      }
    }

    if let previous {
      part(.comparison)
      out.append("```")
      out.append(previous.renderText(language: language))
      out.append("```")
    }

    for (kind, remarks) in [(Part.findings, export.findings), (.recommendations, export.recommendations)] {
      part(kind)
      if remarks.isEmpty { out.append(say("Không có.", "None.")) }
      for (index, remark) in remarks.enumerated() { out.append("\(index + 1). \(md(remark.text))") }
    }

    part(.correctiveActions)
    if export.correctiveActions.isEmpty {
      out.append(say("Không có.", "None."))
    } else {
      out.append(
        "| # | " + say("Biện pháp", "Action") + " | " + say("Người chịu trách nhiệm", "Owner") + " | "
          + say("Hạn hoàn thành", "Deadline") + " | " + say("Mục", "Item") + " |")
      out.append("|---:|---|---|---|---|")
      for (index, action) in export.correctiveActions.enumerated() {
        out.append(
          "| \(index + 1) | \(md(action.what)) | \(md(action.owner)) | \(md(w.shortDay(action.due))) | \(md(action.item?.rawValue ?? "—")) |"
        )
      }
    }

    part(.signatures)
    out.append(md(closing(w)))
    out.append("")
    let blocks = signatureBlocks(say)
    out.append("| " + blocks.map { "**\($0.heading)**" }.joined(separator: " | ") + " |")
    out.append("|" + String(repeating: ":---:|", count: blocks.count))
    let hint = say("*(Ký, ghi rõ họ tên)*", "*(Signature and full name)*")
    out.append("| " + blocks.map { _ in hint }.joined(separator: " | ") + " |")
    out.append("| " + blocks.map { _ in "<br><br><br>" }.joined(separator: " | ") + " |")
    out.append(
      "| "
        + blocks.map { $0.name.isEmpty ? RecordWording.blank + RecordWording.blank : md($0.name) }
        .joined(separator: " | ") + " |")
    if blocks.contains(where: { $0.refusal != nil }) {
      out.append("| " + blocks.map { md($0.refusal ?? "") }.joined(separator: " | ") + " |")
    }
    out.append("")
    for line in refusalLines(say) { out.append("- " + md(line)) }
    if !refusalLines(say).isEmpty { out.append("") }
    if let line = signatureLine(say, language: language) {
      out.append(md(line))
      out.append("")
    }
    part(.annex)
    if checklist.sources.isEmpty { out.append(say("Không có văn bản được trích dẫn.", "No document cited.")) }
    for citation in checklist.sources {
      out.append("- \(md(annexLine(citation, w)))")
    }
    out.append("")
    return out.joined(separator: "\n")
  }
}
