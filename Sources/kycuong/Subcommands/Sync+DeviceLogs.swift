#if Server
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongIntegrity
  import KyCuongStore
  import KyCuongSync

  extension KyCuongCommand.Sync {
    /// `kycuong sync push-log AUDIT`: this device's log of a team audit to the server.
    struct PushLog: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "push-log",
        abstract: "Send this device's log of a team audit to the server, for the leader to merge.",
        discussion: """
          The server stores only what it does not have of the log and never replaces it; sending again \\
          after a dropped connection, or after recording more, is safe. Exit status: 0 sent; 1 refused \\
          (the log would not merge with the others on the server, or is not this team's); 2 no answer.
          """)

      @Argument(help: "The audit's id in the store.")
      var audit: String

      @OptionGroup var storeOptions: StoreOptions
      @OptionGroup var options: SyncOptions

      func execute() async throws(CommandFailure) {
        let client = try options.client()
        let own: AuditStore.TeamLog
        let store = AuditStore(directory: storeOptions.folder)
        do {
          guard let first = try store.teamLogs(for: audit).first else {
            throw CommandFailure("the store has no log of \(audit)")
          }
          own = first
        } catch let error as AuditStoreError {
          throw CommandFailure(error.description)
        } catch {
          throw CommandFailure("\(error)")
        }
        do throws(SyncError) {
          let receipt = try await client.pushLog(own.data, of: audit, device: own.log.device)
          // What the REPL's prompt counts as sent (its ↑N).
          store.recordSent(receipt.log.lineCount, for: audit)
          let said: String =
            switch receipt.outcome {
            case .created: "stored on the server"
            case .extended: "its new lines stored on the server"
            case .unchanged: "already on the server"
            case .behind: "the server has more of it already"
            }
          print(
            TerminalText.sanitized(
              "\(audit): device \(receipt.log.device)'s log (\(receipt.log.lineCount) lines): \(said) (\(receipt.team))"
            ))
        } catch {
          throw Self.failure(error)
        }
      }

      static func failure(_ error: SyncError) -> CommandFailure {
        switch error {
        case .refused: CommandFailure("\(error)", status: .negative)
        case .connection: CommandFailure("\(error)")
        }
      }
    }

    /// `kycuong sync pull-logs AUDIT`: the other devices' logs of a team audit from the server, merged.
    struct PullLogs: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "pull-logs",
        abstract: "Fetch the other devices' logs of a team audit from the server and merge them here.",
        discussion: """
          Each log is merged as `kycuong audit merge` merges a file: checked, deterministic, idempotent, \\
          nothing replaced. Exit status: 0 merged, no conflict; 1 merged with conflicts (resolve them), or \\
          refused; 2 no answer, or a log cannot be written.
          """)

      @Argument(help: "The audit's id in the store.")
      var audit: String

      @OptionGroup var storeOptions: StoreOptions
      @OptionGroup var options: SyncOptions

      func execute() async throws(CommandFailure) {
        let client = try options.client()
        let ownDevice: String
        do {
          ownDevice =
            try AuditStore(directory: storeOptions.folder).teamLogs(for: audit).first?.log.device ?? ""
        } catch {
          throw CommandFailure(error.description)
        }
        var files: [(name: String, data: Data)] = []
        do throws(SyncError) {
          for entry in try await client.deviceLogs(of: audit) where entry.device != ownDevice {
            let data = try await client.deviceLog(of: audit, device: entry.device)
            files.append(("device \(entry.device)'s log on the server", data))
          }
        } catch {
          throw PushLog.failure(error)
        }
        try KyCuongCommand.Audit.Merge.merge(files, into: audit, storeFolder: storeOptions.folder)
      }
    }

    /// `kycuong sync join AUDIT --member NAME`: joins a team audit from the leader's log on the server.
    struct Join: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join a team audit from the server, as a member the leader invited.",
        discussion: """
          The leader's log on the server (sent with `push-log`) holds the audit's first line and the \\
          leader's invitations; it is chain-checked, and must invite --member. The device's log then starts \\
          as `kycuong audit join FILE` starts it. Exit status: 0 joined; 1 not invited, or refused; 2 no \\
          answer, or the audit is in this store already.
          """)

      @Argument(help: "The audit's id.")
      var audit: String

      @Option(help: "Who joins: a member of the audit's team whom the leader invited.")
      var member: String

      @Option(
        help: """
          This device's id: 1 to 40 lowercase letters, digits and -, not "leader" (default: a random one).
          """)
      var device: String?

      @OptionGroup var storeOptions: StoreOptions
      @OptionGroup var options: SyncOptions

      func execute() async throws(CommandFailure) {
        let client = try options.client()
        let log: Data
        do throws(SyncError) {
          log = try await client.deviceLog(of: audit, device: EventReference.leaderDevice)
        } catch {
          throw PushLog.failure(error)
        }
        let (verification, replayed) = LogChain.verifyAndReplay(log)
        guard verification.isIntact, let leaders = replayed, leaders.id == audit else {
          throw CommandFailure(
            "the leader's log of \(audit) on the server is not an intact log of that audit: "
              + (verification.problems.first.map { "\($0)" } ?? "it is of \(replayed?.id ?? "no audit")"),
            status: .negative)
        }
        let invited = leaders.events.last { event in
          if case .invited(let name) = event.change { name == member } else { false }
        }
        guard let invited else {
          throw CommandFailure(
            "the leader's log of \(audit) does not invite \(member); the leader invites with "
              + "`kycuong audit invite` and sends the log with `kycuong sync push-log`",
            status: .negative)
        }
        let invitation = TeamInvitation(
          audit: audit, member: member, invitedBy: leaders.header.team.leader, invitedAt: invited.time,
          startedLine: String(decoding: log.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self))
        try KyCuongCommand.Audit.Join.join(invitation, device: device, storeFolder: storeOptions.folder)
      }
    }
  }
#endif
