import Foundation
import KyCuong
import KyCuongStore

extension Session {
  /// An item as the inspector reads it on site: what to check, where the rule comes from, what to answer,
  /// what is recorded so far.
  func renderItem(_ item: Item) -> String {
    guard let audit else { return "" }
    let section = audit.checklist.section(containing: item.id)
    let record = audit.records[item.id] ?? ItemRecord(itemID: item.id)
    var lines: [String] = []
    let critical = item.critical ? "  " + style.red(text(.criticalMark)) : ""
    lines.append(style.bold(item.id.rawValue) + (section.map { " · \($0.title[language])" } ?? "") + critical)
    lines.append("  " + item.text[language])
    if !item.guidance[language].isEmpty {
      lines.append("  " + style.dim(text(.labelGuidance) + ": " + item.guidance[language]))
    }
    lines.append("  " + text(.labelSource) + ": " + sourceText(item.source, checklist: audit.checklist))
    lines.append("  " + text(.labelWeight) + ": " + NumberFormatting.number(item.weight))
    lines.append("  " + text(.labelAccepts) + ": " + text(.accepts(item.kind)))
    let applicable = audit.applicability.isApplicable(item.id)
    lines.append("  " + text(.labelCurrent) + ": " + statusText(item, audit: audit, applicable: applicable))
    if let remark = record.remark { lines.append("  " + text(.labelRemark) + ": " + remark) }
    for override in record.history {
      let old = override.old.map { text(.outcome($0)) } ?? text(.skippedStatus(override.oldSkipReason ?? ""))
      let remark = override.remark.map { " — \($0)" } ?? ""
      lines.append("  " + text(.labelHistory) + ": \(old) → \(text(.outcome(override.new)))\(remark)")
    }
    for note in record.notes { lines.append("  " + text(.labelNote) + ": " + note.text) }
    for explanation in record.explanations {
      lines.append("  " + text(.labelExplanation) + ": " + explanation.text)
    }
    for attachment in record.attachments {
      lines.append("  " + text(.labelAttachment) + ": \(attachment.name) (\(attachment.size) B)")
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
  /// show one and the same table.
  func renderScore(_ report: ScoreReport, audit: Audit) -> String {
    ScoreTable.render(report, checklist: audit.checklist, language: language)
  }

  /// One line of the audit list.
  func renderSummary(_ summary: AuditListing) -> String {
    let state = summary.isFinished ? text(.finishedMark) : "\(summary.answered)/\(summary.applicable)"
    let started = Timestamp.string(from: summary.startedAt)
    return "\(summary.id)  \(summary.unit)  \(summary.checklist)  \(started)  \(state)"
  }
}

/// `text` padded with spaces to `width` characters (never cut).
func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

/// `text` cut to `width` characters with an ellipsis.
func shorten(_ text: String, _ width: Int) -> String {
  text.count <= width ? text : String(text.prefix(width - 1)) + "…"
}
