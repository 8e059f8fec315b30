#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive list`: archived audits, with filters.
    struct List: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "list",
        abstract:
          "List archived audits, oldest first: by unit, checklist, period, visit type, rating, leader.")

      @OptionGroup var filters: AuditFilterOptions

      @Option(help: "Output: table, csv or json.")
      var format: Listing.Format = .table

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        let filters = filters
        let entries = try await archive.query { archive throws(ArchiveError) in
          try await archive.audits(filters.filter, limit: filters.limit)
        }
        print(try Listing.audits(entries).rendered(format), terminator: "")
        if format == .table { Diagnostics.note("\(entries.count) audits") }
      }
    }
  }
#endif
