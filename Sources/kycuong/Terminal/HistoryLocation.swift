import Foundation

/// Where the REPL keeps its line history: `$XDG_STATE_HOME/kycuong/history`, by default
/// `~/.local/state/kycuong/history` (state, not configuration: it is not worth backing up). The folder is
/// 0700 and the file 0600; it keeps at most 1000 commands and no free text (notes, explanations, text
/// answers, reasons, the answers to `start`'s questions), which stays in the audit's log only.
enum HistoryLocation {
  /// The history file for `environment`, its directory created; nil when no home can be found or the
  /// directory cannot be made (history then stays in memory).
  static func historyFile(environment: [String: String] = ProcessEnvironment.variables) -> String? {
    let stateHome: String
    if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
      // The XDG spec says relative paths are invalid and must be ignored.
      stateHome = xdg
    } else if let home = environment["HOME"], !home.isEmpty {
      stateHome = home + "/.local/state"
    } else {
      return nil
    }
    let directory = stateHome + "/kycuong"
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      return nil
    }
    return directory + "/history"
  }
}
