import ArgumentParser

/// A `kycuong` subcommand whose work is asynchronous (the archive's, which wait on a database): the same
/// failure idiom as ``KyCuongSubcommand``, its ``execute()`` awaited.
///
/// The root command is an `AsyncParsableCommand` whose `main()` runs on the main thread and awaits only
/// these; every other subcommand runs synchronously there, exactly as before.
protocol AsyncKyCuongSubcommand: AsyncParsableCommand {
  /// Does the command's work.
  func execute() async throws(CommandFailure)
}

extension AsyncKyCuongSubcommand {
  /// Awaits ``execute()`` and turns a ``CommandFailure`` into its message and exit status.
  func run() async throws {
    do {
      try await execute()
    } catch {
      Diagnostics.error(error.message)
      throw error.status.code
    }
  }
}
