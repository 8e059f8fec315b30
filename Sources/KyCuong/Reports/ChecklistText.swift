import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// Renders a checklist as text: title, sources, and every section with its items.
public enum ChecklistText {
  /// The checklist in `language`.
  public static func render(_ checklist: Checklist, language: Language) -> String {
    var lines = [
      "\(checklist.title[language])  (\(checklist.id) \(checklist.version))", "",
      checklist.description[language], "",
    ]
    lines.append(language == .vi ? "Căn cứ:" : "Sources:")
    for citation in checklist.sources {
      lines.append("  [\(citation.id)] \(citationLine(citation, language: language))")
    }
    for section in checklist.sections {
      lines.append("")
      let weight = language == .vi ? "trọng số" : "weight"
      lines.append(
        "## \(section.title[language])  (\(section.id), \(weight) \(Wording(language).number(section.weight)))"
      )
      for item in section.items {
        let critical = item.critical ? (language == .vi ? "  [ĐIỂM LIỆT]" : "  [CRITICAL]") : ""
        lines.append("  \(item.id)  [\(item.kind.name)]\(critical)  \(item.text[language])")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// A citation on one line: number, title, issuer, date.
  public static func citationLine(_ citation: Citation, language: Language) -> String {
    var parts: [String] = []
    if let number = citation.number { parts.append(number) }
    parts.append(citation.title[language])
    if let issuer = citation.issuer { parts.append(issuer[language]) }
    if let date = citation.date { parts.append(date) }
    return parts.joined(separator: ", ")
  }
}
