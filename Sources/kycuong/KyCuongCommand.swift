import ArgumentParser
import Foundation
import KyCuong

/// `kycuong`: checklists of administrative discipline, and the REPL that walks an inspector through an audit.
@main
struct KyCuongCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kycuong",
    abstract: "Audit administrative discipline (kỷ luật, kỷ cương hành chính) against standard checklists.",
    discussion: """
      With no subcommand, kycuong starts the interactive audit (the same as `kycuong audit`).
      Checklists: the standard ones are built in; validate your own with `kycuong validate FILE…`.
      """,
    subcommands: [Audit.self, Validate.self, Show.self, Score.self, Report.self, Verify.self, Key.self],
    defaultSubcommand: Audit.self
  )
}
