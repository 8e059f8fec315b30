#if Server
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongIntegrity
  import KyCuongSync

  extension KyCuongCommand.Sync {
    /// `kycuong sync checklists [--into DIR]`: the department's published checklists, into a folder the
    /// REPL uses (`--checklists DIR` or `KYCUONG_CHECKLISTS`).
    struct PullChecklists: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "checklists",
        abstract: "List the checklists the server publishes, or take the newest of each into a folder.",
        discussion: """
          With --into, each checklist's newest published version is pulled, checked against what the \
          server lists (size, SHA-256, a valid checklist, its id, version and digest) and written to the \
          folder, a file at a time, renamed into place. A file is replaced only when the server published \
          the version it holds with that content, or it is a standard checklist; a version the server \
          never published, an edited published version, or two files with one id are kept and named. \
          An audit keeps its checklist in its log: updating the folder changes no audit under way. \
          Exit status: 0 done; 1 some checklist kept back or refused; 2 no answer, or a file cannot be written.
          """)

      @Option(
        help: "The folder of checklist files to bring up to date (created if missing).",
        completion: .directory)
      var into: String?

      @OptionGroup var options: SyncOptions

      func execute() async throws(CommandFailure) {
        let client = try options.client()
        let published: [PublishedChecklist]
        do throws(SyncError) {
          published = try await client.publishedChecklists()
        } catch {
          throw PushLog.failure(error)
        }
        guard let into else {
          for entry in published {
            print(
              TerminalText.sanitized(
                "\(entry.checklistID)  \(entry.version)  \(entry.itemCount) items  \(entry.digest)  "
                  + "\(Timestamp.string(from: entry.publishedAt))  \(entry.title.vi)"))
          }
          return
        }
        let folder = URL(fileURLWithPath: into, isDirectory: true)
        do {
          try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
          throw CommandFailure("cannot make the folder \(into): \(CommandFiles.reason(error))")
        }
        let plan = ChecklistFolderPlan(
          published: published, files: Self.files(in: folder), carried: Self.standardDigests)
        var refused = 0
        for step in plan.steps {
          switch step {
          case .upToDate(let file, let entry):
            print(TerminalText.sanitized("\(file): \(entry.checklistID) \(entry.version), up to date"))
          case .add(let file, let entry), .replace(let file, _, let entry):
            let data: Data
            do throws(SyncError) {
              data = try await client.pullChecklist(entry).data
            } catch {
              Diagnostics.error("\(entry.checklistID) \(entry.version): \(error); \(file) was not written")
              refused += 1
              continue
            }
            try CommandFiles.write(data, to: folder.appendingPathComponent(file).path, force: true)
            let what = if case .replace(_, let old, _) = step { "replaced \(old) with" } else { "added" }
            print(TerminalText.sanitized("\(file): \(what) \(entry.checklistID) \(entry.version)"))
          case .keep(let checklistID, let reason):
            Diagnostics.error("\(checklistID): \(reason)")
            refused += 1
          }
        }
        if refused > 0 {
          throw CommandFailure(
            "\(refused) of \(plan.steps.count) checklists not brought up to date", status: .negative)
        }
      }

      /// The folder's checklist files, each with the checklist it holds when it reads as a valid one.
      static func files(in folder: URL) -> [ChecklistFolderPlan.LocalFile] {
        Catalog.checklistFiles(at: folder).map { url in
          let checklist = try? Catalog.load(file: url)
          return ChecklistFolderPlan.LocalFile(
            name: url.lastPathComponent,
            checklist: checklist.map {
              .init(id: $0.id, version: $0.version, digest: ExportIntegrity.snapshotDigest(of: $0))
            })
        }
      }

      /// The snapshot digests of the standard checklists: a copy of one is safe to replace.
      static var standardDigests: Set<String> {
        Set(((try? Catalog.standard.checklists) ?? []).map { ExportIntegrity.snapshotDigest(of: $0) })
      }
    }
  }
#endif
