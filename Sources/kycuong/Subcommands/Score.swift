import ArgumentParser
import Foundation
import KyCuong

extension KyCuongCommand {
  /// `kycuong score FILE`: the scores of an audit's event log or export.
  struct Score: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "score",
      abstract: "Print the scores of an audit (event log .jsonl or export .json) as a table or JSON.",
      discussion: "The scores are derived from the items; an export's stored figures are never trusted."
    )

    @Argument(
      help: "An audit's event log or export, its id in the store, or - for standard input.",
      completion: .file())
    var file: String

    @Option(help: "Scoring model: weighted, flat, flatUnweighted or absolute (default: the checklist's).")
    var model: ScoringModel?

    @Flag(help: "Print the score report as JSON.")
    var json = false

    @Option(help: "Language of the table: vi or en.")
    var lang: Language = .defaultFromEnvironment

    @OptionGroup var storeOptions: StoreOptions

    func execute() throws(CommandFailure) {
      let document = try storeOptions.document(file)
      let report = document.score(model: model)
      if json {
        do {
          try CommandFiles.write(try report.jsonData(), to: nil, force: false)
        } catch let failure as CommandFailure {
          throw failure
        } catch {
          throw CommandFailure("the scores cannot be written as JSON: \(error)")
        }
      } else {
        let table = ScoreTable.render(report, checklist: document.export.checklist.snapshot, language: lang)
        try CommandFiles.write(TerminalText.sanitized(table) + "\n", to: nil, force: false)
      }
    }
  }
}
