#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive import PATH…`: exports, event logs and bundles, verified, each archived whole or
    /// refused.
    struct Import: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
          "Archive audit exports (.json), event logs (.jsonl) and bundles (.zip), files or folders.",
        discussion: """
          Each file is verified first (hash chain, digests, signature against the registered keys; a bundle's \
          every file against its manifest and every attachment re-hashed) and archived \
          whole, or refused with the rule it breaks; nothing of a refused file is stored (the refusal is in the \
          import log). The same bytes a second time: "already archived", nothing changes. A later state of an \
          archived audit replaces its facts; an earlier or conflicting one is refused. Results go to standard \
          output, refusals to standard error. Exit status 1 when a file was refused, 2 when the archive failed \
          (then the files before are archived and nothing of the one at hand).
          """)

      @Argument(help: "Files or folders.", completion: .file(extensions: ["json", "jsonl", "zip"]))
      var paths: [String]

      @Option(help: "Who sent the files (a team, a person), stored with them (default: $USER).")
      var from: String?

      @Flag(help: "Refuse every file not signed by a registered, unrevoked team leader's key.")
      var requireSignature = false

      /// For the archive's crash tests: wait this many seconds before committing (at the --pause-at'th file).
      @Option(help: .hidden)
      var pauseBeforeCommit: Double?

      @Option(help: .hidden)
      var pauseAt: Int?

      @OptionGroup var archive: ArchiveOptions

      /// A line on standard output, unbuffered: a caller may read it while the import goes on.
      static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
      }

      func validate() throws {
        if paths.isEmpty { throw ValidationError("name the files or folders to import") }
      }

      func execute() async throws(CommandFailure) {
        let source = from ?? ProcessEnvironment.variables["USER"] ?? "unknown"
        let files = SummaryReader.auditFiles(
          in: paths.map { URL(fileURLWithPath: $0) }, extensions: ["json", "jsonl", "zip"])
        let policy = ImportPolicy(requireRegisteredKey: requireSignature)
        let pause = pauseBeforeCommit
        let pauseAt = pauseAt
        let refused = try await archive.with(create: true) { archive throws(CommandFailure) in
          var counts: [String: Int] = [:]
          // Reading and verifying a file takes most of an import's time and needs no archive: the next files
          // are prepared, one a core, while the archive writes the one at hand; each is archived in order.
          let ahead = max(1, ProcessInfo.processInfo.activeProcessorCount)
          var preparing: [Int: Task<Result<PreparedFile, ArchiveError>, Never>] = [:]
          func prepare(_ index: Int) {
            guard index < files.count else { return }
            let file = files[index]
            preparing[index] = Task { () -> Result<PreparedFile, ArchiveError> in
              do throws(ArchiveError) {
                return .success(try await archive.prepare(file))
              } catch {
                return .failure(error)
              }
            }
          }
          defer { preparing.values.forEach { $0.cancel() } }
          for index in 0..<min(ahead, files.count) { prepare(index) }
          for (index, file) in files.enumerated() {
            let name = file.relativePath
            let prepared = preparing.removeValue(forKey: index)
            prepare(index + ahead)
            var wait: DepartmentArchive.Pause?
            if let pause, pauseAt == nil || pauseAt == index + 1 {
              wait = DepartmentArchive.Pause(duration: .milliseconds(Int(pause * 1000))) { file in
                Self.say("PAUSED \(file)")
              }
            }
            let outcome: ImportOutcome
            do throws(ArchiveError) {
              guard let prepared else { preconditionFailure("file \(index) was not prepared") }
              outcome = try await archive.importPrepared(
                try await prepared.value.get(), from: source, policy: policy, pause: wait)
            } catch {
              throw CommandFailure("\(name): not archived: \(error.message)")
            }
            switch outcome {
            case .archived:
              counts["archived", default: 0] += 1
              Self.say(TerminalText.sanitized("\(name): \(outcome.summary)"))
            case .alreadyArchived:
              counts["already archived", default: 0] += 1
              Self.say(TerminalText.sanitized("\(name): \(outcome.summary)"))
            case .refused:
              counts["refused", default: 0] += 1
              Diagnostics.error("\(name): \(outcome.summary)")
            }
          }
          Diagnostics.note(
            ["archived", "already archived", "refused"].map { "\(counts[$0] ?? 0) \($0)" }
              .joined(separator: ", "))
          return counts["refused"] ?? 0
        }
        if refused > 0 {
          throw CommandFailure(
            "\(refused) of \(files.count) files refused; nothing of them was stored", status: .negative)
        }
      }
    }
  }
#endif
