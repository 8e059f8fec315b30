import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

extension AuditSummary {
  /// A table the CSV output can hold: RFC 4180 has one table per file.
  public enum CSVTable: String, CaseIterable, Sendable {
    /// Every group: units, checklists, focus areas, months (one `group` column tells them apart).
    case groups
    /// The ranking of units.
    case ranking
    /// Items by number of failures.
    case items
    /// Critical failures.
    case critical
    /// Overdue corrective actions.
    case overdue
  }

  /// One field of a CSV record: quoted when it holds a comma, quote, CR or LF, with quotes doubled; a field
  /// that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR first) prefixed with `'`.
  public static func csvField(_ text: String) -> String {
    CSVField.escaped(text)
  }

  /// The table as CSV after RFC 4180: records end in CRLF, fields quoted where needed. It starts with a
  /// UTF-8 byte order mark so that spreadsheet programs read the Vietnamese letters as UTF-8.
  public func csv(_ table: CSVTable, language: Language) -> String {
    func number(_ value: Double?) -> String { value.map { NumberFormatting.score($0) } ?? "" }
    var rows: [[String]] = []
    switch table {
    case .groups:
      let bands = (units + checklists + focusAreas + months).flatMap(\.ratings)
      var columns: [(id: String, label: String)] = []
      for band in bands where !columns.contains(where: { $0.id == band.id }) {
        columns.append((band.id, band.label[language]))
      }
      rows.append(["group", "key", "label", "audits", "scored", "mean_score"] + columns.map(\.label))
      for (name, groups) in [
        ("unit", units), ("checklist", checklists), ("focus", focusAreas), ("month", months),
      ] {
        for group in groups {
          rows.append(
            [
              name, group.key, group.label[language], String(group.audits), String(group.scored),
              number(group.meanScore),
            ]
              + columns.map { column in String(group.ratings.first { $0.id == column.id }?.count ?? 0) })
        }
      }
    case .ranking:
      rows.append(["rank", "unit", "mean_score", "audits"])
      rows += ranking.map { [String($0.rank), $0.unit, number($0.meanScore), String($0.audits)] }
    case .items:
      rows.append(["checklist", "item", "text", "failures", "assessed"])
      rows += failingItems.map {
        [$0.checklist, $0.item.rawValue, $0.text[language], String($0.failures), String($0.assessed)]
      }
    case .critical:
      rows.append(["date", "unit", "checklist", "item", "text", "audit"])
      rows += criticalFailures.map {
        [$0.date.description, $0.unit, $0.checklist, $0.item.rawValue, $0.text[language], $0.audit]
      }
    case .overdue:
      rows.append(["due", "days_overdue", "unit", "owner", "action", "item", "audit"])
      rows += overdueActions.map {
        [
          $0.due.description, String($0.daysOverdue), $0.unit, $0.owner, $0.what, $0.item?.rawValue ?? "",
          $0.audit,
        ]
      }
    }
    return "\u{FEFF}" + rows.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
  }
}
