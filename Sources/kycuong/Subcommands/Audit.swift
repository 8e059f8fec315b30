import ArgumentParser
import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension KyCuongCommand {
  /// `kycuong audit` (the default): the interactive walk-through of an on-site audit (``Walk``), and the
  /// team's commands around it.
  struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "audit",
      abstract: "Walk through an on-site audit interactively (the default), or work on a team audit.",
      discussion: """
        `kycuong audit` with no subcommand (or `kycuong` alone) is `kycuong audit walk`, the REPL.
        A team audit: the leader `invite`s each member, who `join`s on their own device and records there,
        offline; the leader `merge`s their logs and `resolve`s conflicts; `finish` and `export` in the REPL
        then take every device's answers, and the export pins each device's log for `kycuong verify`.
        """,
      subcommands: [Walk.self, Invite.self, Join.self, Merge.self, Resolve.self],
      defaultSubcommand: Walk.self
    )
  }
}

extension KyCuongCommand.Audit {
  /// `kycuong audit walk` (the default): the interactive walk-through of an on-site audit.
  struct Walk: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "walk",
      abstract: "Walk through an on-site audit interactively (the default when no subcommand is given).",
      discussion: """
        On a terminal: line editing, history, TAB completion. Otherwise commands are read line by line from
        standard input, with no prompts; the exit status is 1 if any command was refused, 2 if the checklists
        cannot be read.
        Every accepted answer is written to disk (fsync) before the next prompt. Type `help` inside.
        The store, the attachments' copies and the history are readable by this user only (0700 folders,
        0600 files); the history keeps commands, not the free text of notes and answers.
        On a team audit (`kycuong audit --help`), `finish`, `export` and `record` take every device's log
        merged into this one.
        With --server and --key (or $KYCUONG_SERVER and $KYCUONG_KEY), the open audit's log is sent to the
        department server in the background after every change, retried until the server has it; the
        prompt shows ↑N while N events are not yet there, and `sync` says why. Answering never waits for it.
        """
    )

    @Option(help: "The department server to send the open audit's log to (default: $KYCUONG_SERVER).")
    var server: String?

    @Option(
      help: "This device's private key, which signs what it sends (default: $KYCUONG_KEY).",
      completion: .file())
    var key: String?

    @Option(help: "Folder of the audits' event logs (default: $XDG_DATA_HOME/kycuong/audits).")
    var store: String?

    @Option(help: "Language of messages: vi or en (default: $KYCUONG_LANG, else vi).")
    var lang: Language = .defaultFromEnvironment

    @Option(
      help: """
        Who records the changes (default: $KYCUONG_INSPECTOR; else `start` asks, the leader by default). \
        The system's user name is never used.
        """)
    var inspector: String?

    @Option(
      help:
        "Checklist files or folders to use instead of the standard checklists (default: $KYCUONG_CHECKLISTS).",
      completion: .file(extensions: ["json"]))
    var checklists: [String] = []

    func execute() throws(CommandFailure) {
      try REPLLaunch(
        server: server, key: key, store: store, language: lang, inspector: inspector, checklists: checklists
      ).run()
    }
  }
}
