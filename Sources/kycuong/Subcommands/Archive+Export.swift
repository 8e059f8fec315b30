#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive export LISTING`: any listing as CSV or JSON, each listing a subcommand with the
    /// filters of the command that shows it.
    struct Export: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Write a listing as CSV or JSON: audits, actions, keys, the import log, or a unit's trend.",
        discussion: """
          CSV follows RFC 4180 with a byte order mark; a field that a spreadsheet would read as a formula \
          (starting with =, +, -, @, a tab or a carriage return) is prefixed with ' (OWASP's advice). The \
          filters are those of `archive list` (audits) and `archive actions` (actions).
          """,
        subcommands: [Audits.self, Actions.self, Keys.self, Log.self, Trend.self])

      /// `kycuong archive export audits`: the audits `archive list` shows.
      struct Audits: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          abstract: "Archived audits, oldest first, with the filters of `archive list`.")

        @OptionGroup var filters: AuditFilterOptions
        @OptionGroup var output: ExportOutputOptions
        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          let filters = filters
          let listing = try await archive.query { archive throws(ArchiveError) in
            Listing.audits(try await archive.audits(filters.filter, limit: filters.limit))
          }
          try output.write(listing)
        }
      }

      /// `kycuong archive export actions`: the corrective actions `archive actions` shows.
      struct Actions: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          abstract: "Corrective actions, earliest deadline first, with the filters of `archive actions`.")

        @OptionGroup var filters: ActionFilterOptions
        @OptionGroup var output: ExportOutputOptions
        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          let filters = filters
          let listing = try await archive.query { archive throws(ArchiveError) in
            Listing.actions(
              try await archive.actions(filters.filter, limit: filters.limit), today: filters.day)
          }
          try output.write(listing)
        }
      }

      /// `kycuong archive export keys`: the registered keys `archive keys list` shows.
      struct Keys: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(abstract: "The registered team leaders' keys.")

        @OptionGroup var output: ExportOutputOptions
        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          try output.write(
            try await archive.query { archive throws(ArchiveError) in Listing.keys(try await archive.keys()) }
          )
        }
      }

      /// `kycuong archive export log`: every import, archived or refused, with its file, sender and rule.
      struct Log: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          abstract: "The import log: every file received, archived or refused (with the rule), oldest first.")

        @OptionGroup var output: ExportOutputOptions
        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          try output.write(
            try await archive.query { archive throws(ArchiveError) in
              Listing.importLog(try await archive.importLog())
            })
        }
      }

      /// `kycuong archive export trend --unit UNIT`: the points `archive trend UNIT` shows.
      struct Trend: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          abstract: "A unit's scores and ratings over time, one row per audit, as `archive trend` lists them."
        )

        @Option(help: "The unit: its name, or a part of it that only one unit's name contains.")
        var unit: String

        @OptionGroup var output: ExportOutputOptions
        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          let wanted = unit
          let (_, points) = try await archive.with { archive throws(CommandFailure) in
            try await KyCuongCommand.Archive.Trend.points(ofUnit: wanted, in: archive)
          }
          try output.write(Listing.trend(points))
        }
      }
    }
  }
#endif
