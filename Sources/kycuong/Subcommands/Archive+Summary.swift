#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive summary`: the department summary, computed by queries from the archive.
    struct Summary: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "The department summary of the archived audits (as `report summary`, every format).",
        discussion: """
          The same report `kycuong report summary` makes from the same files, computed by queries: every \
          stored document is a file read, a second document of an archived audit a duplicate.
          """)

      @OptionGroup var options: SummaryOptions

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        let (filter, day) = (options.filter, options.day)
        let summary = try await archive.with { archive throws(CommandFailure) in
          do throws(ArchiveError) {
            return try await archive.summary(filter: filter, today: day)
          } catch {
            throw CommandFailure(error)
          }
        }
        for file in summary.warnings { Diagnostics.warn("\(file.path): \(file.reason)") }
        try options.write(summary)
      }
    }
  }
#endif
