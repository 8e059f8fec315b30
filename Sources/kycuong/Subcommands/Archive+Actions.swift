#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive actions`: corrective actions across every archived audit.
    struct Actions: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract:
          "Corrective actions across all archived audits: open, overdue, or settled by a later audit.",
        discussion: """
          An action is settled when a later audit of the same unit and checklist shows the item it remedies \
          passing (the rule of `report summary`); otherwise it is overdue once its deadline has passed, open \
          before. Earliest deadline first.
          """)

      @OptionGroup var filters: ActionFilterOptions

      @Option(help: "Output: table, csv or json.")
      var format: Listing.Format = .table

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        let filter = filters.filter
        let limit = filters.limit
        let actions = try await archive.query { archive throws(ArchiveError) in
          try await archive.actions(filter, limit: limit)
        }
        print(try Listing.actions(actions, today: filter.today).rendered(format), terminator: "")
        if format == .table { Diagnostics.note("\(actions.count) actions") }
      }
    }
  }
#endif
