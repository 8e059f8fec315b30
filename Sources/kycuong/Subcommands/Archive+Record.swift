#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive record AUDIT`: the inspection record of an archived audit.
    struct Record: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Print the inspection record (biên bản kiểm tra) of an archived audit as Markdown or HTML.",
        discussion: """
          The record is made from the stored document of the audit's current state that proves the most (a \
          signature by a registered key first), and states what the archive proved of it when it arrived.
          """)

      @Argument(help: "The audit's id.")
      var audit: String

      @Option(help: "Output format: md or html.")
      var format: RecordFormat = .md

      @Option(help: "Language of the record: vi or en.")
      var lang: Language = .defaultFromEnvironment

      @Option(help: "The record's number (default: derived from the audit id).")
      var number: String?

      @Option(
        name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
      var output: String?

      @Flag(help: "Replace the output file if it exists.")
      var force = false

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        let id = audit
        let number = number
        let record = try await archive.with { archive throws(CommandFailure) in
          let record: InspectionRecord?
          do throws(ArchiveError) {
            record = try await archive.inspectionRecord(of: id, number: number)
          } catch {
            throw CommandFailure(error)
          }
          guard let record else {
            throw CommandFailure("the archive holds no audit \(id) (`kycuong archive list`)")
          }
          return record
        }
        if case .failed(let reasons) = record.authenticity {
          for reason in reasons { Diagnostics.warn("\(id): \(reason)") }
        }
        let text = format == .html ? record.html(language: lang) : record.markdown(language: lang)
        try CommandFiles.write(text, to: output, force: force)
      }
    }
  }
#endif
