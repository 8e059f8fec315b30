import CEditLine
import CEditLineShim
import Foundation
import KyCuongREPL

// TEMPORARY driver: runs the terminal layer with `EchoSession` until the REPL's real session exists.

let session = EchoSession()
let output = StandardOutput()
let reader: any LineReader
var editLineReader: EditLineReader?
if isTerminal(fileDescriptor: STDIN_FILENO) && isTerminal(fileDescriptor: STDOUT_FILENO),
  let editing = EditLineReader(
    historyPath: HistoryLocation.historyFile(),
    completer: { session.completions(forLineBeforeCursor: $0) })
{
  editLineReader = editing
  reader = editing
} else {
  reader = StandardInputLineReader()
}
let succeeded = REPLLoop(session: session, reader: reader, output: output).run()
// main.swift's globals are never deinitialised: give the terminal back explicitly.
editLineReader?.close()
exit(succeeded ? 0 : 1)
