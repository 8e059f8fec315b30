#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive export LISTING`: any listing as CSV or JSON.
    struct Export: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        abstract: "Write a listing as CSV or JSON: audits, actions, keys, the import log, or a unit's trend.",
        discussion: """
          CSV follows RFC 4180 with a byte order mark; a field that a spreadsheet would read as a formula \
          (starting with =, +, -, @, a tab or a carriage return) is prefixed with ' (OWASP's advice). The \
          filters are those of `archive list` (audits) and `archive actions` (actions); a trend needs --unit.
          """)

      /// What can be exported.
      enum Subject: String, CaseIterable, ExpressibleByArgument {
        case audits, actions, keys, log, trend
      }

      /// How it is written.
      enum Format: String, CaseIterable, ExpressibleByArgument {
        case csv, json
      }

      @Argument(help: "audits, actions, keys, log or trend.")
      var subject: Subject

      @Option(help: "csv or json.")
      var format: Format = .csv

      @OptionGroup(title: "Audits") var audits: AuditFilterOptions

      @OptionGroup(title: "Actions") var actions: ActionFilterOptions

      @Option(
        name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
      var output: String?

      @Flag(help: "Replace the output file if it exists.")
      var force = false

      @OptionGroup var archive: ArchiveOptions

      func validate() throws {
        if subject == .trend && audits.selection.unit == nil { throw ValidationError("export trend needs --unit") }
      }

      func execute() async throws(CommandFailure) {
        let subject = subject
        let audits = audits
        let actions = actions
        let listing = try await archive.with { archive throws(CommandFailure) in
          do throws(ArchiveError) {
            switch subject {
            case .audits: return Listing.audits(try await archive.audits(audits.filter, limit: audits.limit))
            case .actions:
              return Listing.actions(
                try await archive.actions(actions.filter, limit: actions.limit), today: actions.day)
            case .keys: return Listing.keys(try await archive.keys())
            case .log: return Listing.importLog(try await archive.importLog())
            case .trend: return Listing.trend(try await archive.scoreTrend(ofUnit: audits.selection.unit ?? ""))
            }
          } catch {
            throw CommandFailure(error)
          }
        }
        try CommandFiles.write(
          try listing.rendered(format == .csv ? Listing.Format.csv : Listing.Format.json), to: output,
          force: force)
      }
    }
  }
#endif
