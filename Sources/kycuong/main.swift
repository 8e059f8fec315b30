import Foundation
import KyCuongREPL

// TEMPORARY driver: runs the terminal layer with `EchoSession` until the REPL's real session exists.

let session = EchoSession()
let console = Console(completer: { session.completions(forLineBeforeCursor: $0) })
let succeeded = REPLLoop(session: session, reader: console.reader, output: console.output).run()
console.finish()
exit(succeeded ? 0 : 1)
