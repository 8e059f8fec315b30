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
}
