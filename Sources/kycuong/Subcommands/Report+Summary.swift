import ArgumentParser
import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore

/// Output formats of the summary.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv, html
}

extension AuditSummary.CSVTable: ExpressibleByArgument {}

extension CalendarDate: ExpressibleByArgument {
  /// A day given as `YYYY-MM-DD` or `DD/MM/YYYY`.
  public init?(argument: String) {
    guard let date = try? CalendarDate(parsing: argument) else { return nil }
    self = date
  }
}

extension FocusArea: ExpressibleByArgument {
  /// A focus area given by its tag, `focus-2017-1` to `focus-2017-3`.
  public init?(argument: String) {
    self.init(tag: argument)
  }

  /// The tags, for help and completion.
  public static var allValueStrings: [String] { allCases.map(\.tag) }
}

extension KyCuongCommand.Report {
  /// `kycuong report summary [PATH…]`: figures across many audits.
  struct Summary: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "summary",
      abstract:
        "Summarise many audits: per unit, checklist, focus area and month; ranking; failing items; overdue actions.",
      discussion: """
        PATHs are event logs (.jsonl), exports (.json) or folders searched for both; the default is the store.
        Files that are not audits or are damaged are listed on standard error with the reason and skipped; a
        PATH that does not exist is an error. Every score is derived from the items, never read from the
        figures an export stores.
        """)

    @Argument(help: "Files or folders (default: the store).", completion: .file())
    var paths: [String] = []

    @OptionGroup var options: SummaryOptions

    @Option(help: "Folder of stored audits (the default PATH).", completion: .directory)
    var store: String?

    func execute() throws(CommandFailure) {
      let roots =
        paths.isEmpty
        ? [store.map { URL(fileURLWithPath: $0) } ?? AuditStore.defaultDirectory()]
        : paths.map { URL(fileURLWithPath: $0) }
      for root in roots where !FileManager.default.fileExists(atPath: root.path) {
        // The default store may not exist yet (no audit made); a folder the user named must.
        if !paths.isEmpty || store != nil { throw CommandFailure("\(root.path): no such file or folder") }
      }
      let files = SummaryReader.auditFiles(
        in: roots.filter { FileManager.default.fileExists(atPath: $0.path) })
      // A log read into the summary is checked as `score` and `verify` check it: a broken hash chain is
      // warned of, on standard error and in the summary itself.
      let summary = AuditSummary(
        files: files, filter: options.filter, today: options.day,
        checkLog: { data in
          LogChain.verify(data).problems.filter(\.isChainBreak).map {
            "\($0) (hash chain; `kycuong verify` for details)"
          }
        })
      for file in summary.skipped { Diagnostics.warn("skipped / bỏ qua \(file.path): \(file.reason)") }
      for file in summary.warnings { Diagnostics.warn("\(file.path): \(file.reason)") }
      try options.write(summary)
    }
  }
}
