import ArgumentParser
import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore

extension KyCuongCommand.Audit {
  /// `kycuong audit resolve AUDIT ITEM ANSWER --reason TEXT`: the leader's logged decision on a conflict.
  struct Resolve: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "resolve",
      abstract: "Settle an item of a team audit that devices answered differently, with the reason.",
      discussion: """
        Records a `resolved` event in the leader's log: the answer (as typed in the REPL: đạt, kd, 10/12, …,
        or `skip`, when REASON is then the skip's reason), why, and every device's current answer it
        settles, each named as DEVICE#SEQUENCE. An answer recorded later on a device, or not yet merged, is
        not settled: it is a conflict again.
        Exit status: 0 resolved; 1 refused (not the leader's audit, no answer to settle, the answer does not
        fit the item); 2 the audit cannot be read or written.
        """
    )

    @Argument(help: "The audit's id in the store.")
    var audit: String

    @Argument(help: "The item's id (BADGE-01).")
    var item: String

    @Argument(help: "The answer, or `skip`.")
    var answer: String

    @Option(help: "Why: what the team saw that decides it (for `skip`, why the item was not checked).")
    var reason: String

    @Option(help: "Who decides (default: the audit's team leader).")
    var inspector: String?

    @OptionGroup var storeOptions: StoreOptions

    func execute() throws(CommandFailure) {
      let store = AuditStore(directory: storeOptions.folder)
      var leader: KyCuong.Audit
      let own: DeviceLog
      let others: [DeviceLog]
      let merged: KyCuong.Audit
      do {
        leader = try store.open(audit).audit
        let logs = try store.teamLogs(for: audit).map(\.log)
        own = logs[0]
        others = Array(logs.dropFirst())
        merged = try AuditStore.mergedAudit(of: logs)
      } catch {
        throw CommandFailure(error.description)
      }
      defer { store.close(audit) }
      let itemID = ItemID(item)
      guard let checklistItem = merged.checklist.item(withID: itemID) else {
        throw CommandFailure("no item \"\(item)\" in this checklist", status: .negative)
      }
      let outcome: Outcome?
      if answer.lowercased() == "skip" {
        outcome = nil
      } else if let parsed = AnswerParser.parse(answer, for: checklistItem.kind) {
        outcome = parsed
      } else {
        throw CommandFailure("\(item) does not take the answer `\(answer)`", status: .negative)
      }
      let settles = TeamMerge.answersToSettle(itemID, in: merged)
      guard !settles.isEmpty else {
        throw CommandFailure("\(item) has no answer to settle: answer it in the REPL", status: .negative)
      }
      let event: AuditEvent
      do {
        event = try TeamMerge.record(
          .resolved(item: itemID, outcome: outcome, reason: reason, settles: settles),
          by: inspector ?? merged.header.team.leader, at: Date(), on: &leader, with: others)
        try store.append(event, to: audit)
      } catch let error as TeamMergeError {
        throw CommandFailure(error.description, status: .negative)
      } catch {
        throw CommandFailure(CommandFiles.reason(error))
      }
      // The logs as they are now: the leader's with the resolution, the members' as read.
      let logs = [DeviceLog(name: own.name, events: leader.events)] + others
      let after: KyCuong.Audit
      do {
        after = try AuditStore.mergedAudit(of: logs)
      } catch {
        throw CommandFailure(error.description)
      }
      let devices = logs.map { AuditStore.MergedDevice(log: $0, added: 0) }
      try CommandFiles.write(
        "Resolved \(item): \(TeamListing.describe(after.records[itemID]?.state ?? .unanswered, in: .en)), settling "
          + settles.map(\.description).joined(separator: ", ") + "\n"
          + TeamListing.commandLineText(of: after, devices: devices), to: nil, force: false)
    }
  }
}
