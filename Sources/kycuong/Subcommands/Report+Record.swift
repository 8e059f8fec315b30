import ArgumentParser
import Foundation
import KyCuong
import KyCuongIntegrity

/// Output formats of the inspection record.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
  case md, html
}

extension KyCuongCommand.Report {
  /// `kycuong report record AUDIT`: the inspection record ("biên bản kiểm tra").
  struct Record: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "record",
      abstract: "Print the inspection record (biên bản kiểm tra) of an audit as Markdown or HTML.")

    @Argument(
      help:
        "The audit: a path to its event log (.jsonl) or export (.json), its id in the store, or - for stdin.",
      completion: .file(extensions: ["json", "jsonl"]))
    var audit: String

    @Option(help: "Output format: md or html.")
    var format: RecordFormat = .md

    @Option(help: "Language of the record: vi or en.")
    var lang: Language = .defaultFromEnvironment

    @Option(
      help: "The record's number (default: derived from the audit id, e.g. 20261121-0930-1a2b/BB-KTCV).")
    var number: String?

    @Option(help: "An earlier audit of the same unit: adds a section comparing the two.")
    var previous: String?

    @Flag(help: "With --previous: compare even if the unit or the checklist differs.")
    var allowMismatch = false

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var storeOptions: StoreOptions

    func execute() throws(CommandFailure) {
      let loaded = try storeOptions.load(audit)
      let export = loaded.document.export
      var comparison: AuditComparison?
      if let previous {
        let old = try storeOptions.export(previous)
        do {
          comparison = try AuditComparison(old: old, new: export, force: allowMismatch)
        } catch {
          throw CommandFailure(error.message(lang))
        }
      }
      let record = InspectionRecord(
        export: export, number: number, previous: comparison,
        authenticity: loaded.authenticity)
      let text = format == .html ? record.html(language: lang) : record.markdown(language: lang)
      // On standard output (a terminal, often) nothing from the audit may drive the terminal; a file keeps
      // the record as it is.
      let toStandardOutput = output == nil || output == "-"
      try CommandFiles.write(toStandardOutput ? TerminalText.sanitized(text) : text, to: output, force: force)
    }
  }
}
