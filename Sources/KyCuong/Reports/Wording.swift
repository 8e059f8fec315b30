import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// Picks the Vietnamese or English of a pair, for the reports' fixed wording: `say("Đạt", "Pass")`.
struct Wording {
  /// The language of the report.
  let language: Language

  init(_ language: Language) {
    self.language = language
  }

  func callAsFunction(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

  /// The decimal separator of the language: a comma in Vietnamese (`74,1`), a point in English (`74.1`).
  var decimalSeparator: Character { language == .vi ? "," : "." }

  /// A score with one decimal and the language's separator (`74,1`, `74.1`), or "—".
  func score(_ value: Double?) -> String { NumberFormatting.score(value, separator: decimalSeparator) }

  /// A weight or points: whole numbers bare, others with the language's separator (`1,5`, `1.5`).
  func number(_ value: Double) -> String { NumberFormatting.number(value, separator: decimalSeparator) }

  /// A change of score with the language's separator (`-6,2`).
  func delta(from old: Double?, to new: Double?) -> String {
    ReportFormatting.delta(from: old, to: new, separator: decimalSeparator)
  }

  /// A byte count with the language's separator (`12,1 KB`).
  func byteCount(_ size: Int64) -> String { ReportFormatting.byteCount(size, separator: decimalSeparator) }
}
