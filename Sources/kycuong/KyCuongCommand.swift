import ArgumentParser
import Foundation
import KyCuong

/// `kycuong`: checklists of administrative discipline, and the REPL that walks an inspector through an audit.
@main
struct KyCuongCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kycuong",
    abstract: "Audit administrative discipline (kỷ luật, kỷ cương hành chính) against standard checklists.",
    discussion: """
      With no subcommand, kycuong starts the interactive audit (the same as `kycuong audit`).
      Checklists: the standard ones are built in; validate your own with `kycuong validate FILE…`.
      Results go to standard output, messages to standard error; `-` reads standard input where a file is
      taken. Exit status: 0 done (and what was checked passes); 1 done, and the answer is no (a checklist
      breaks a rule, a document does not verify, a piped command was refused); 2 not done (a file is missing
      or unreadable, not an audit, or the output cannot be written); 3 `verify` found nothing wrong but
      nothing that proves who made the document; 64 the command line is wrong.
      Shell completion: `kycuong --generate-completion-script bash|zsh|fish`.
      """,
    version: KyCuongVersion.string,
    subcommands: subcommands,
    defaultSubcommand: Audit.self
  )

  private static var subcommands: [any ParsableCommand.Type] {
    var commands: [any ParsableCommand.Type] = [
      Audit.self, Validate.self, Show.self, Score.self, Report.self, Verify.self, Key.self, Bundle.self,
      ChecklistCommand.self,
    ]
    #if Archive
      commands.append(Archive.self)
    #endif
    #if Server
      commands.append(contentsOf: [Serve.self, Server.self, Sync.self])
    #endif
    return commands
  }

  /// Parses the command line and runs the command on the main thread: a synchronous subcommand (the REPL,
  /// with its terminal and signals) exactly as a `ParsableCommand` root would, an asynchronous one (the
  /// archive's) awaited.
  ///
  /// `kycuong` alone, the inspector's everyday start, has nothing to parse: it starts the REPL with every
  /// option at its default (``REPLLaunch``, what `kycuong audit walk` runs) without asking ArgumentParser,
  /// whose command tree (~40 commands, each option's type looked up at run time) was most of a launch's
  /// instructions (issue 13). Any argument at all goes through the parser, as before.
  @MainActor static func main() async {
    if CommandLine.arguments.count == 1 {
      do {
        try REPLLaunch().run()
      } catch {
        // As a subcommand's failure ends through the parser below (``KyCuongSubcommand``): the message, then
        // the status.
        Diagnostics.error(error.message)
        exit(withError: error.status.code)
      }
      return
    }
    do {
      var command = try parseAsRoot()
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
    } catch {
      exit(withError: error)
    }
  }

  /// The ids of the standard checklists, for shell completion.
  static var checklistIDs: [String] { (try? Catalog.standard.checklists.map(\.id)) ?? [] }
}
