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
        commandName: "export",
        abstract:
          "Write a listing as CSV or JSON (audits, actions, keys, the import log, a unit's trend), or the originals.",
        discussion: """
          CSV follows RFC 4180 with a byte order mark; a field that a spreadsheet would read as a formula \
          (starting with =, +, -, @, a tab or a carriage return) is prefixed with ' (OWASP's advice). The \
          filters are those of `archive list` (audits) and `archive actions` (actions).
          """,
        subcommands: [Audits.self, Actions.self, Keys.self, Log.self, Trend.self, Originals.self])

      /// `kycuong archive export audits`: the audits `archive list` shows.
      struct Audits: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          commandName: "audits",
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
          commandName: "actions",
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
        static let configuration = CommandConfiguration(
          commandName: "keys", abstract: "The registered team leaders' keys.")

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
          commandName: "log",
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

      /// `kycuong archive export originals FOLDER`: every stored document's exact bytes, numbered in the order
      /// received, so that `archive import FOLDER` into another archive rebuilds it.
      struct Originals: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          commandName: "originals",
          abstract:
            "Write every stored document, exactly as received, into a folder, numbered in arrival order.",
          discussion: """
            The files are named NNNNNN-NAME (NAME as imported, without its folders), so that `kycuong archive \
            import FOLDER --database OTHER` imports them in the order this archive received them (a later \
            version after the earlier). Each is verified again by that import. Who sent a file and when is \
            not in the file: the new archive records the import's --from and time.
            """)

        @Argument(help: "The folder to write to (created when missing).", completion: .directory)
        var folder: String

        @Flag(help: "Replace files of the same names in the folder.")
        var force = false

        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          let (folder, force) = (self.folder, self.force)
          do {
            try FileManager.default.createDirectory(
              at: URL(fileURLWithPath: folder), withIntermediateDirectories: true)
          } catch {
            throw CommandFailure("cannot make the folder \(folder): \(CommandFiles.reason(error))")
          }
          let written = try await archive.with { archive throws(CommandFailure) in
            let documents: [StoredDocument]
            do throws(ArchiveError) {
              documents = try await archive.storedDocuments()
            } catch {
              throw CommandFailure(error)
            }
            for (index, document) in documents.enumerated() {
              let content: Data?
              do throws(ArchiveError) {
                content = try await archive.content(of: document.sha256)
              } catch {
                throw CommandFailure(error)
              }
              guard let content else { continue }
              let path = URL(fileURLWithPath: folder).appending(path: Self.name(of: document, at: index)).path
              try CommandFiles.write(content, to: path, force: force)
            }
            return documents.count
          }
          Diagnostics.note("\(written) documents written to \(folder)")
        }

        /// `000001-NAME`, NAME the file's name as imported (without folders), with the ending of its kind
        /// when it has none that imports.
        static func name(of document: StoredDocument, at index: Int) -> String {
          var base = URL(fileURLWithPath: document.fileName).lastPathComponent
          if base.hasPrefix(".") || base.isEmpty { base = document.sha256 }
          let ending: String =
            switch document.kind {
            case .export: ".json"
            case .log: ".jsonl"
            case .bundle: ".zip"
            }
          if !base.lowercased().hasSuffix(ending) { base += ending }
          let number = String(index + 1)
          return String(repeating: "0", count: max(0, 6 - number.count)) + number + "-" + base
        }
      }

      /// `kycuong archive export trend --unit UNIT`: the points `archive trend UNIT` shows.
      struct Trend: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          commandName: "trend",
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
