import ArgumentParser
import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore

extension KyCuongCommand.Audit {
  /// `kycuong audit merge AUDIT LOG…`: folds team members' logs into this device's audit.
  struct Merge: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Merge team members' logs of an audit into it, and show devices and conflicts.",
      discussion: """
        Each LOG is a device's AUDIT.jsonl as it is on that device. Each is checked first (an intact hash
        chain, the same audit, a member of the team); the merge is deterministic (any order gives the same
        audit), idempotent (a log merged again adds nothing) and loses no event; only the new part of each
        device's log is appended to this store's copy of it (AUDIT.team/DEVICE.jsonl). Two devices' different
        answers to one item are a conflict: the item stays open, and `finish` refuses, until `resolve`.
        With no LOG, shows the merged audit as it stands.
        Exit status: 0 merged, no conflict; 1 merged with conflicts, or refused (a log of another audit, a
        forked device, a finished audit that must be reopened first): nothing merged then; 2 a file cannot
        be read.
        """
    )

    @Argument(help: "The audit's id in the store.")
    var audit: String

    @Argument(help: "Device logs to merge (.jsonl).", completion: .file(extensions: ["jsonl"]))
    var logs: [String] = []

    @OptionGroup var storeOptions: StoreOptions

    func execute() throws(CommandFailure) {
      var files: [(name: String, data: Data)] = []
      for path in logs {
        files.append((path, try CommandFiles.read(path, limit: BoundedFile.maximumLogSize)))
      }
      try Self.merge(files, into: audit, storeFolder: storeOptions.folder)
    }

    /// Merges `files` into audit `audit` of the store (for `audit merge` and `sync pull-logs`), shows the
    /// devices, and fails with status 1 while conflicts remain.
    static func merge(
      _ files: [(name: String, data: Data)], into audit: String, storeFolder: URL
    ) throws(CommandFailure) {
      let store = AuditStore(directory: storeFolder)
      let report: AuditStore.TeamMergeReport
      do {
        report = try store.merge(files, into: audit)
      } catch {
        switch error {
        case .teamMerge, .mergeIntoFinished, .deviceLogRefused:
          throw CommandFailure(error.description, status: .negative)
        default: throw CommandFailure(error.description)
        }
      }
      try CommandFiles.write(
        TeamListing.commandLineText(of: report.audit, devices: report.devices), to: nil, force: false)
      if !report.audit.conflicts.isEmpty {
        throw CommandFailure("\(report.audit.conflicts.count) conflict(s) to resolve", status: .negative)
      }
    }
  }
}
