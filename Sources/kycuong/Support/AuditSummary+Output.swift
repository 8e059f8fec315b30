import Foundation
import KyCuong

extension AuditSummary {
  /// The summary as `kycuong report summary` and `kycuong archive summary` write it.
  ///
  /// - Parameters:
  ///   - format: Table (control characters made visible), JSON, CSV or HTML.
  ///   - table: With CSV, the table to write.
  ///   - language: Vietnamese or English.
  ///   - top: Failing items listed (0: all).
  func rendered(
    _ format: SummaryFormat, table: CSVTable, language: Language, top: Int
  ) throws(CommandFailure) -> String {
    switch format {
    case .table: return TerminalText.sanitized(renderText(language: language, top: top)) + "\n"
    case .json:
      do {
        return String(decoding: try jsonData(), as: UTF8.self)
      } catch {
        throw CommandFailure("the summary cannot be written as JSON: \(error)")
      }
    case .csv: return csv(table, language: language)
    case .html: return html(language: language, top: top)
    }
  }
}
