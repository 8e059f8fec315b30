import ArgumentParser
import Foundation
import KyCuong
import KyCuongREPL

extension KyCuongCommand {
  /// `kycuong audit` (the default): the interactive walk-through of an on-site audit.
  struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Walk through an on-site audit interactively (the default when no subcommand is given)."
    )

    func run() throws {
      let session = EchoSession()
      let console = Console(completer: { session.completions(forLineBeforeCursor: $0) })
      let succeeded = REPLLoop(session: session, reader: console.reader, output: console.output).run()
      console.finish()
      if !succeeded { throw ExitCode.failure }
    }
  }
}
