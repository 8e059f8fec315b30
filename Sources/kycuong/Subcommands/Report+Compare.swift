import ArgumentParser
import Foundation
import KyCuong

extension KyCuongCommand.Report {
  /// `kycuong report compare OLD NEW`: a re-inspection compared with the audit before it.
  struct Compare: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "compare",
      abstract:
        "Compare a re-inspection with the earlier audit: scores, items fixed and still failing, actions.")

    @Argument(help: "The earlier audit (path or id).", completion: .file(extensions: ["json", "jsonl"]))
    var old: String

    @Argument(help: "The later audit (path or id).", completion: .file(extensions: ["json", "jsonl"]))
    var new: String

    @Flag(help: "Print the comparison as JSON.")
    var json = false

    @Flag(help: "Compare even if the units or the checklists differ.")
    var allowMismatch = false

    @Option(help: "Language of the table: vi or en.")
    var lang: Language = .defaultFromEnvironment

    @OptionGroup var storeOptions: StoreOptions

    func execute() throws(CommandFailure) {
      let before = try storeOptions.export(old)
      let after = try storeOptions.export(new)
      let comparison: AuditComparison
      do {
        comparison = try AuditComparison(old: before, new: after, force: allowMismatch)
      } catch {
        throw CommandFailure(error.message(lang))
      }
      if json {
        do {
          try CommandFiles.write(try comparison.jsonData(), to: nil, force: false)
        } catch let failure as CommandFailure {
          throw failure
        } catch {
          throw CommandFailure("the comparison cannot be written as JSON: \(error)")
        }
      } else {
        try CommandFiles.write(
          TerminalText.sanitized(comparison.renderText(language: lang)) + "\n", to: nil, force: false)
      }
    }
  }
}
