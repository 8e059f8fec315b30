import Foundation
import KyCuongREPL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The executable's terminal wiring: picks the line reader and gives the terminal back at the end.
///
/// `main.swift` does `let console = Console(completer: …)`, runs `REPLLoop` with `console.reader` and
/// `console.output`, then calls `console.finish()` before `exit` (top-level objects are never deinitialised).
struct Console {
  /// libedit when both standard input and output are terminals, plain standard input otherwise.
  let reader: any LineReader
  /// Standard output.
  let output: any TextOutput = StandardOutput()
  private let editLineReader: EditLineReader?

  /// Chooses the reader; `completer` gets the text before the cursor and returns whole-word candidates;
  /// `keepsInHistory` says which lines the history file may keep.
  init(completer: @escaping (String) -> [String], keepsInHistory: @escaping (String) -> Bool = { _ in true })
  {
    if isTerminal(fileDescriptor: STDIN_FILENO) && isTerminal(fileDescriptor: STDOUT_FILENO),
      let editing = EditLineReader(
        historyPath: HistoryLocation.historyFile(), completer: completer, keepsInHistory: keepsInHistory)
    {
      editLineReader = editing
      reader = editing
    } else {
      editLineReader = nil
      reader = StandardInputLineReader()
    }
  }

  /// The terminal's width, when the REPL talks to a terminal.
  var columns: Int? { editLineReader?.columns }

  /// Restores the terminal (libedit's state and the settings saved at start).
  func finish() {
    editLineReader?.close()
  }
}
