import ArgumentParser

/// The exit statuses of every `kycuong` command, documented in `kycuong --help` and the Command-line tool
/// article. A script can tell "the answer is no" from "the question could not be asked".
enum ExitStatus: Int32 {
  /// Done, and what was checked passes.
  case success = 0
  /// Done, and the answer is no: a checklist breaks a rule (`validate`), a document does not verify
  /// (`verify`), a command of a piped session was refused.
  case negative = 1
  /// Not done: a file is missing, unreadable, not an audit, or the output cannot be written.
  case failure = 2
  /// `verify`: nothing contradicts the document, but nothing proves who made it either (an unchained log,
  /// an unsealed or unsigned export, or a signature with no expected key to compare it with).
  case unproven = 3
  /// The command line itself is wrong (ArgumentParser's usage error, EX_USAGE).
  case usage = 64

  /// The status as ArgumentParser's exit code.
  var code: ExitCode { ExitCode(rawValue) }
}

/// Why a command could not do what it was asked: the message for standard error and the exit status.
/// Every command reports its runtime failures this one way; `ValidationError` is only for bad arguments.
struct CommandFailure: Error, CustomStringConvertible {
  /// What went wrong and what to do.
  var message: String
  /// The exit status.
  var status: ExitStatus

  init(_ message: String, status: ExitStatus = .failure) {
    self.message = message
    self.status = status
  }

  var description: String { message }
}

/// A `kycuong` subcommand: its work is in ``execute()``, whose failures are printed to standard error as
/// `kycuong: MESSAGE` and end the process with their status.
protocol KyCuongSubcommand: ParsableCommand {
  /// Does the command's work.
  func execute() throws(CommandFailure)
}

extension KyCuongSubcommand {
  /// Runs ``execute()`` and turns a ``CommandFailure`` into its message and exit status.
  func run() throws {
    do {
      try execute()
    } catch {
      Diagnostics.error(error.message)
      throw error.status.code
    }
  }
}
