#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive init`: creates the archive (or brings its schema up to date) and says what it holds.
    struct Init: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the archive, or bring its schema up to date, and say what it holds.")

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        try await archive.with(create: true) { archive throws(CommandFailure) in
          let statistics: ArchiveStatistics
          do throws(ArchiveError) {
            statistics = try await archive.statistics()
          } catch {
            throw CommandFailure(error)
          }
          let kind = archive.backend == .sqlite ? "SQLite" : "PostgreSQL"
          print(
            TerminalText.sanitized(
              "archive \(archive.location) (\(kind), schema version \(archive.schemaVersion)): "
                + "\(statistics.audits) audits, \(statistics.documents) documents, \(statistics.keys) keys"))
        }
      }
    }
  }
#endif
