#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive summary`: the department summary, computed by queries from the archive.
    struct Summary: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        abstract: "The department summary of the archived audits (as `report summary`, every format).",
        discussion: """
          The same report `kycuong report summary` makes from the same files, computed by queries: every \
          stored document is a file read, a second document of an archived audit a duplicate.
          """)

      @Option(help: "Output: table, json, csv or html.")
      var format: SummaryFormat = .table

      @Option(help: "With --format csv: the table to write (groups, ranking, items, critical, overdue).")
      var table: AuditSummary.CSVTable = .groups

      @Option(help: "Only units whose name contains this (accents and case ignored).")
      var unit: String?

      @Option(help: "Only this checklist id.", completion: .custom { _, _, _ in KyCuongCommand.checklistIDs })
      var checklist: String?

      @Option(help: "Only audits started on or after this day (YYYY-MM-DD or DD/MM/YYYY).")
      var from: CalendarDate?

      @Option(help: "Only audits started on or before this day (YYYY-MM-DD or DD/MM/YYYY).")
      var to: CalendarDate?

      @Option(help: "Only this focus area (focus-2017-1, focus-2017-2 or focus-2017-3).")
      var focus: FocusArea?

      @Option(help: "The day overdue actions are measured against (default: today, Vietnam time).")
      var today: CalendarDate?

      @Option(help: "Number of failing items listed (0: all).")
      var top = 10

      @Option(help: "Language: vi or en.")
      var lang: Language = .defaultFromEnvironment

      @Option(
        name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
      var output: String?

      @Flag(help: "Replace the output file if it exists.")
      var force = false

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        let filter = SummaryFilter(unit: unit, checklist: checklist, from: from, to: to, focus: focus)
        let day = today ?? CalendarDate(.now, in: .vietnam)
        let summary = try await archive.with { archive throws(CommandFailure) in
          do throws(ArchiveError) {
            return try await archive.summary(filter: filter, today: day)
          } catch {
            throw CommandFailure(error)
          }
        }
        for file in summary.warnings { Diagnostics.warn("\(file.path): \(file.reason)") }
        try CommandFiles.write(
          try summary.rendered(format, table: table, language: lang, top: top), to: output, force: force)
      }
    }
  }
#endif
