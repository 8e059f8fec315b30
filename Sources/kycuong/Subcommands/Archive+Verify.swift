#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive verify`: every stored document against its digest, and the tables' links.
    struct Verify: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check every stored document against its SHA-256, and the links between the tables.",
        discussion:
          "Exit status 0 when everything checks out, 1 when something does not (each problem listed).")

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        let check = try await archive.with { archive throws(CommandFailure) in
          do throws(ArchiveError) {
            return try await archive.verify()
          } catch {
            throw CommandFailure(error)
          }
        }
        for problem in check.problems { print(TerminalText.sanitized(problem)) }
        guard check.problems.isEmpty else {
          throw CommandFailure(
            "\(check.problems.count) problems in \(check.documentsChecked) stored documents",
            status: .negative)
        }
        Diagnostics.note("\(check.documentsChecked) documents checked: every one matches its digest")
      }
    }
  }
#endif
