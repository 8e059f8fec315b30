#if Server
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongServer
  import KyCuongSync

  extension KyCuongCommand.Server {
    /// `kycuong server checklist publish|list`.
    struct Checklists: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "The checklist versions the server publishes for devices to pull.",
        discussion: """
          A published version names one content for good: publishing the same content again changes \
          nothing, and other content under a published id and version is refused (give it a new version). \
          Devices take the newest version of each checklist with `kycuong sync checklists --into DIR`.
          """,
        subcommands: [Publish.self, ListPublished.self])

      /// `kycuong server checklist publish FILE…`.
      struct Publish: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          commandName: "publish",
          abstract: "Publish checklist files (validated; each id and version once).",
          discussion: "Exit status: 0 every file published or already published; 1 some refused; 2 a failure."
        )

        @Argument(help: "Checklist files (.json).", completion: .file(extensions: ["json"]))
        var files: [String]

        @Option(help: "Who publishes them (default: $USER).")
        var by: String?

        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          let publisher = by ?? ProcessEnvironment.variables["USER"] ?? "unknown"
          var contents: [(file: String, data: Data)] = []
          for file in files {
            contents.append((file, try CommandFiles.read(file, limit: BoundedFile.maximumChecklistSize)))
          }
          let refused = try await archive.withServerStore(create: true) { store throws(ServerStoreError) in
            var refused = 0
            for (file, data) in contents {
              do throws(ServerStoreError) {
                switch try await store.publishChecklist(data, file: file, by: publisher) {
                case .published(let entry):
                  print(
                    TerminalText.sanitized(
                      "\(file): published \(entry.checklistID) \(entry.version) (\(entry.itemCount) items, "
                        + "\(entry.digest))"))
                case .alreadyPublished(let entry):
                  print(
                    TerminalText.sanitized(
                      "\(file): \(entry.checklistID) \(entry.version) was published already, with this content, "
                        + "by \(entry.publishedBy) on \(Timestamp.string(from: entry.publishedAt))"))
                }
              } catch {
                Diagnostics.error(error.description)
                refused += 1
              }
            }
            return refused
          }
          if refused > 0 {
            throw CommandFailure(
              "\(refused) of \(files.count) refused; nothing of them was published", status: .negative)
          }
        }
      }

      /// `kycuong server checklist list`.
      struct ListPublished: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          commandName: "list", abstract: "The published checklist versions, newest publication first.")

        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          try await archive.withServerStore { store throws(ServerStoreError) in
            for entry in try await store.publishedChecklists() {
              print(
                TerminalText.sanitized(
                  "\(entry.checklistID)  \(entry.version)  \(entry.itemCount) items  \(entry.digest)  "
                    + "\(Timestamp.string(from: entry.publishedAt))  \(entry.publishedBy)  \(entry.title.vi)")
              )
            }
          }
        }
      }
    }
  }
#endif
