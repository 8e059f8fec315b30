import ArgumentParser
import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore

extension KyCuongCommand {
  /// `kycuong audit` (the default): the interactive walk-through of an on-site audit.
  struct Audit: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      abstract: "Walk through an on-site audit interactively (the default when no subcommand is given).",
      discussion: """
        On a terminal: line editing, history, TAB completion. Otherwise commands are read line by line from
        standard input, with no prompts; the exit status is 1 if any command was refused, 2 if the checklists
        cannot be read.
        Every accepted answer is written to disk (fsync) before the next prompt. Type `help` inside.
        """
    )

    @Option(help: "Folder of the audits' event logs (default: $XDG_DATA_HOME/kycuong/audits).")
    var store: String?

    @Option(help: "Language of messages: vi or en (default: $KYCUONG_LANG, else vi).")
    var lang: Language = .defaultFromEnvironment

    @Option(
      help: "The inspector's name, recorded with every answer (default: $KYCUONG_INSPECTOR, else $USER).")
    var inspector: String?

    @Option(
      help:
        "Checklist files or folders to use instead of the standard checklists (default: $KYCUONG_CHECKLISTS).",
      completion: .file(extensions: ["json"]))
    var checklists: [String] = []

    func execute() throws(CommandFailure) {
      let environment = ProcessInfo.processInfo.environment
      let catalog: Catalog
      // A department's own checklists, for every session of an account, without repeating the option.
      let paths = checklists.isEmpty ? environment["KYCUONG_CHECKLISTS"].map { [$0] } ?? [] : checklists
      do {
        catalog =
          paths.isEmpty ? try Catalog.standard : try Catalog.load(paths.map { URL(fileURLWithPath: $0) })
      } catch {
        throw CommandFailure(error.description)
      }
      let directory =
        store.map { URL(fileURLWithPath: $0) } ?? AuditStore.defaultDirectory(environment: environment)
      let auditStore = AuditStore(directory: directory)
      let name = inspector ?? environment["KYCUONG_INSPECTOR"] ?? environment["USER"] ?? "inspector"
      let session = Session(
        configuration: SessionConfiguration(
          catalog: catalog, store: auditStore, language: lang, inspector: name,
          styled: TerminalStyle.forStandardOutput().colorEnabled))
      let console = Console(completer: { session.completions(forLineBeforeCursor: $0) })
      if console.reader.isInteractive { console.output.write(session.welcome() + "\n") }
      let succeeded = REPLLoop(session: session, reader: console.reader, output: console.output).run()
      console.finish()
      if !succeeded { throw CommandFailure("a command was refused", status: .negative) }
    }
  }
}
