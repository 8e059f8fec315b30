import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `kycuong audit walk` is asked for, and the REPL it starts with it: the command's options as plain
/// values, so that `kycuong` alone starts the same REPL without ArgumentParser (``KyCuongCommand/main()``).
struct REPLLaunch {
  /// The department server to send the open audit's log to (`--server`; else `$KYCUONG_SERVER`).
  var server: String?
  /// This device's private key (`--key`; else `$KYCUONG_KEY`).
  var key: String?
  /// The folder of the audits' event logs (`--store`; else the default under `$XDG_DATA_HOME`).
  var store: String?
  /// The language of messages (`--lang`; else `$KYCUONG_LANG`, else Vietnamese).
  var language: Language = .defaultFromEnvironment
  /// Who records the changes (`--inspector`; else `$KYCUONG_INSPECTOR`).
  var inspector: String?
  /// Checklist files or folders instead of the standard ones (`--checklists`; else `$KYCUONG_CHECKLISTS`).
  var checklists: [String] = []

  /// Loads the checklists, opens the store and runs the REPL until the input ends or `quit`.
  ///
  /// - Throws: ``CommandFailure``: a department's checklist does not load, the server's settings are wrong,
  ///   or (status 1) a command of a piped session was refused.
  func run() throws(CommandFailure) {
    let environment = ProcessEnvironment.variables
    let catalog: () -> Catalog
    // A department's own checklists, for every session of an account, without repeating the option.
    let paths = checklists.isEmpty ? environment["KYCUONG_CHECKLISTS"].map { [$0] } ?? [] : checklists
    if paths.isEmpty {
      // The standard checklists were judged by this same loader when kycuong was built (EmbedChecklists
      // fails the build on an invalid one), so they cannot fail here; they are read only when the session
      // first needs them: the first prompt and an empty input do not wait for them.
      catalog = { (try? Catalog.standard) ?? Catalog([]) }
    } else {
      // A department's files are read and judged now, so that a bad one stops kycuong before it starts.
      do {
        let loaded = try Catalog.load(paths.map { URL(fileURLWithPath: $0) })
        catalog = { loaded }
      } catch {
        throw CommandFailure(error.description)
      }
    }
    // Notes name citizens and staff: everything this process creates is for this user only.
    umask(0o077)
    let directory =
      store.map { URL(fileURLWithPath: $0) } ?? AuditStore.defaultDirectory(environment: environment)
    try? FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let auditStore = AuditStore(directory: directory)
    let name = inspector ?? environment["KYCUONG_INSPECTOR"] ?? ""
    let width = TerminalWidth()
    let interactive = isTerminal(fileDescriptor: STDIN_FILENO) && isTerminal(fileDescriptor: STDOUT_FILENO)
    let session = Session(
      configuration: SessionConfiguration(
        catalog: catalog(), store: auditStore, language: language, inspector: name,
        styled: TerminalStyle.forStandardOutput(environment: environment).colorEnabled,
        homeDirectory: environment["HOME"].map { URL(fileURLWithPath: $0) }, columns: { width.columns() },
        progress: ProgressLine.reporter(interactive: interactive),
        logSender: try ServerLogSender.configured(server: server, key: key, environment: environment)))
    let console = Console(
      completer: { session.completions(forLineBeforeCursor: $0) },
      keepsInHistory: { session.keepsInHistory($0) })
    width.columns = { console.columns }
    if console.reader.isInteractive { console.output.write(session.welcome() + "\n") }
    let succeeded = REPLLoop(session: session, reader: console.reader, output: console.output).run()
    console.finish()
    // A send under way gets a few seconds to end; what is left is sent by the next session.
    if let (audit, unsent) = session.finishSending(timeout: 5), unsent > 0 {
      Diagnostics.warn(
        "\(unsent) event(s) of \(audit) are not yet on the server; the next session sends them "
          + "(or `kycuong sync push-log \(audit)`)")
    }
    if !succeeded { throw CommandFailure("a command was refused", status: .negative) }
  }
}
