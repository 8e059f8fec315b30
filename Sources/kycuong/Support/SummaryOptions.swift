import ArgumentParser
import Foundation
import KyCuong

/// The options of the department summary, from files (`report summary`) or from the archive (`archive
/// summary`): which audits, the day overdue actions are measured against, and how the summary is written.
struct SummaryOptions: ParsableArguments {
  @Option(help: "Output: table, json, csv or html.")
  var format: SummaryFormat = .table

  @Option(help: "With --format csv: the table to write (groups, ranking, items, critical, overdue).")
  var table: AuditSummary.CSVTable = .groups

  @OptionGroup var selection: AuditSelectionOptions

  @Option(help: "Only this focus area (focus-2017-1, focus-2017-2 or focus-2017-3).")
  var focus: FocusArea?

  @Option(help: "The day overdue actions are measured against (default: today, Vietnam time).")
  var today: CalendarDate?

  @Option(help: "Number of failing items listed (0: all).")
  var top = 10

  @Option(help: "Language: vi or en.")
  var lang: Language = .defaultFromEnvironment

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
  var output: String?

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  /// Which audits to count.
  var filter: SummaryFilter {
    SummaryFilter(
      unit: selection.unit, checklist: selection.checklist, from: selection.from, to: selection.to,
      focus: focus)
  }

  /// The day overdue actions are measured against.
  var day: CalendarDate { today ?? CalendarDate(Date(), in: .vietnam) }

  /// Writes `summary` as asked: table (control characters made visible), JSON, CSV or HTML.
  func write(_ summary: AuditSummary) throws(CommandFailure) {
    let text: String
    switch format {
    case .table: text = TerminalText.sanitized(summary.renderText(language: lang, top: top)) + "\n"
    case .json:
      do {
        text = String(decoding: try summary.jsonData(), as: UTF8.self)
      } catch {
        throw CommandFailure("the summary cannot be written as JSON: \(error)")
      }
    case .csv: text = summary.csv(table, language: lang)
    case .html: text = summary.html(language: lang, top: top)
    }
    try CommandFiles.write(text, to: output, force: force)
  }
}
