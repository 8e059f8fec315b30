import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// Renders a ``ScoreReport`` as text: the overall result, then sections and focus areas.
public enum ScoreTable {
  /// The report as lines of text in `language`.
  public static func render(_ report: ScoreReport, checklist: Checklist, language: Language) -> String {
    let words = Labels(language)
    let say = Wording(language)
    var lines: [String] = []
    let status = report.provisional ? words.provisional : words.final
    lines.append("\(words.model): \(report.model.rawValue)  (\(status))")
    lines.append("\(words.overall): \(say.score(report.overall))")
    if let rating = report.rating {
      let forced = report.ratingForcedByCriticalFailure ? "  (\(words.forced))" : ""
      lines.append("\(words.rating): \(rating.label[language])\(forced)")
    }
    if report.model == .flat || report.model == .flatUnweighted {
      lines.append(
        "\(words.points): \(say.number(report.points.earned)) / \(say.number(report.points.possible))"
      )
    }
    let completeness = report.completeness
    lines.append(
      "\(words.completeness): \(completeness.answered)/\(completeness.applicable)"
        + " (\(say.score(completeness.ratio * 100))%)"
        + (completeness.skipped > 0 ? ", \(completeness.skipped) \(words.skipped)" : ""))
    lines.append(
      "\(words.criticalFailures): "
        + (report.criticalFailures.isEmpty
          ? words.none : report.criticalFailures.map(\.rawValue).joined(separator: ", ")))
    lines.append("")
    var sections = TextTable(
      headers: [words.section, words.weight, words.items, words.score], rightAligned: [1, 2, 3])
    for section in report.sections {
      let title = checklist.sections.first { $0.id == section.id }?.title[language] ?? section.id
      sections.rows.append([
        "\(section.id) — \(title)", say.number(section.weight), String(section.scoredItems),
        say.score(section.score),
      ])
    }
    lines.append(sections.render())
    if !report.focusAreas.isEmpty {
      lines.append("")
      var areas = TextTable(headers: [words.focusArea, words.items, words.score], rightAligned: [1, 2])
      for area in report.focusAreas {
        areas.rows.append([
          "\(area.tag) — \(checklist.label(forTag: area.tag)[language])", String(area.scoredItems),
          say.score(area.score),
        ])
      }
      lines.append(areas.render())
    }
    return lines.joined(separator: "\n")
  }

  private struct Labels {
    let model, provisional, final, overall, rating, forced, points, completeness, skipped: String
    let criticalFailures, none, section, weight, items, score, focusArea: String

    init(_ language: Language) {
      switch language {
      case .vi:
        (model, provisional, final, overall, rating, forced) = (
          "Mô hình tính điểm", "tạm tính", "chính thức", "Tổng điểm", "Xếp loại", "do vi phạm điểm liệt"
        )
        (points, completeness, skipped, criticalFailures, none) = (
          "Điểm", "Mức hoàn thành", "bỏ qua", "Điểm liệt không đạt", "không có"
        )
        (section, weight, items, score, focusArea) = (
          "Phần", "Trọng số", "Số mục", "Điểm", "Nội dung trọng tâm 2017"
        )
      case .en:
        (model, provisional, final, overall, rating, forced) = (
          "Scoring model", "provisional", "final", "Overall score", "Rating", "forced by a critical failure"
        )
        (points, completeness, skipped, criticalFailures, none) = (
          "Points", "Completeness", "skipped", "Critical failures", "none"
        )
        (section, weight, items, score, focusArea) = (
          "Section", "Weight", "Items", "Score", "2017 focus area"
        )
      }
    }
  }
}
