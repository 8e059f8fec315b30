import Foundation
import KyCuong
import KyCuongStore

extension Session {
  /// An item as the inspector reads it on site: what to check, where the rule comes from, what to answer,
  /// what is recorded so far. In compact mode (unless `full`), one line.
  func renderItem(_ item: Item, full: Bool = false) -> String {
    guard let audit else { return "" }
    let section = audit.checklist.section(containing: item.id)
    let record = audit.records[item.id] ?? ItemRecord(itemID: item.id)
    let applicable = audit.applicability.isApplicable(item.id)
    if compact && !full {
      let status = statusText(item, audit: audit, applicable: applicable)
      let critical = item.critical ? " ‼" : ""
      let line = "\(item.id)\(critical) [\(status)] \(item.text[language])"
      return TextLayout.shorten(line, (columns ?? 100) - 1)
    }
    var lines: [String] = []
    let critical = item.critical ? "  " + style.red(text(.criticalMark)) : ""
    lines.append(style.bold(item.id.rawValue) + (section.map { " · \($0.title[language])" } ?? "") + critical)
    lines.append("  " + item.text[language])
    if !item.guidance[language].isEmpty {
      lines.append("  " + style.dim(text(.labelGuidance) + ": " + item.guidance[language]))
    }
    lines.append(
      "  " + text(.labelSource) + ": " + sourceText(item.source, checklist: audit.checklist) + " · "
        + text(.labelWeight) + " " + NumberFormatting.number(item.weight))
    var accepts = text(.accepts(item.kind))
    if case .observation = item.kind, let present = audit.staffPresent {
      accepts += " " + text(.staffDefault(present))
    }
    lines.append("  " + text(.labelAccepts) + ": " + accepts)
    let status = statusText(item, audit: audit, applicable: applicable)
    if status != text(.unansweredStatus) { lines.append("  " + text(.labelCurrent) + ": " + status) }
    if let team = teamAudit { lines += teamLines(for: item, in: team, own: record) }
    if let remark = record.remark { lines.append("  " + text(.labelRemark) + ": " + remark) }
    for override in record.history {
      let old = override.old.map { text(.outcome($0)) } ?? text(.skippedStatus(override.oldSkipReason ?? ""))
      let remark = override.remark.map { " — \($0)" } ?? ""
      lines.append("  " + text(.labelHistory) + ": \(old) → \(text(.outcome(override.new)))\(remark)")
    }
    func number(_ event: Int?) -> String { event.map { " #\($0)" } ?? "" }
    for note in record.notes { lines.append("  " + text(.labelNote) + number(note.event) + ": " + note.text) }
    for explanation in record.explanations {
      let speaker = explanation.speaker.map { " (\($0))" } ?? ""
      lines.append(
        "  " + text(.labelExplanation) + number(explanation.event) + speaker + ": " + explanation.text)
    }
    for attachment in record.attachments {
      lines.append(
        "  " + text(.labelAttachment) + number(attachment.event)
          + ": \(attachment.name) (\(attachment.size) B)")
    }
    return lines.joined(separator: "\n")
  }

  /// `129/2007/QĐ-TTg — Quy chế văn hoá công sở, Điều 7 (note)`.
  func sourceText(_ source: ItemSource, checklist: Checklist) -> String {
    var parts: [String] = []
    if let citation = checklist.citation(withID: source.ref) {
      let title = citation.title[language]
      parts.append(citation.number.map { "\($0) — \(title)" } ?? title)
    } else {
      parts.append(source.ref)
    }
    // An item without its own article falls back on the citation's, so the inspector can still find the rule.
    if let article = source.article ?? checklist.citation(withID: source.ref)?.article {
      parts.append(article)
    }
    var result = parts.joined(separator: ", ")
    if let note = source.note { result += " (\(note[language]))" }
    return result
  }

  /// The item's state in a few words.
  func statusText(_ item: Item, audit: Audit, applicable: Bool) -> String {
    if !applicable { return text(.notApplicableStatus) }
    switch audit.records[item.id]?.state ?? .unanswered {
    case .unanswered: return text(.unansweredStatus)
    case .answered(let outcome): return text(.outcome(outcome))
    case .skipped(let reason): return text(.skippedStatus(reason))
    }
  }

  /// Provisional or final scores: the library's ``ScoreTable``, so the REPL, `kycuong score` and the reports
  /// show one and the same table, when it fits the screen; a list of lines otherwise.
  func renderScore(_ report: ScoreReport, audit: Audit) -> String {
    let table = ScoreTable.render(report, checklist: audit.checklist, language: language)
    guard let columns,
      table.split(separator: "\n").contains(where: { TextLayout.width(String($0)) > columns })
    else { return table }
    // The table's head (model, overall, rating, completeness) is lines already; its two tables become lists.
    let head = table.components(separatedBy: "\n\n").first ?? ""
    var lines = [head, ""]
    for section in report.sections {
      let title = audit.checklist.sections.first { $0.id == section.id }?.title[language] ?? section.id
      lines.append("\(section.id): " + NumberFormatting.score(section.score))
      lines.append("  " + TextLayout.shorten(title, columns - 3))
    }
    for area in report.focusAreas {
      lines.append("\(area.tag): " + NumberFormatting.score(area.score))
      lines.append("  " + TextLayout.shorten(audit.checklist.label(forTag: area.tag)[language], columns - 3))
    }
    return lines.joined(separator: "\n")
  }

  /// One line of the audit list.
  func renderSummary(_ summary: AuditListing) -> String {
    let state = summary.isFinished ? text(.finishedMark) : "\(summary.answered)/\(summary.applicable)"
    let started = Timestamp.string(from: summary.startedAt)
    return "\(summary.id)  \(summary.unit)  \(summary.checklist)  \(started)  \(state)"
  }
}
