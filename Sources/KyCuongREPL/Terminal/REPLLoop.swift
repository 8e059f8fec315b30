/// Drives a session with a reader: the read–evaluate–print loop. Returns true when every command succeeded
/// (the exit status for scripts). Prints replies to `output`.
public struct REPLLoop {
  private let session: any InteractiveSession
  private let reader: any LineReader
  private let output: any TextOutput

  /// Creates a loop that reads from `reader`, hands lines to `session` and prints replies to `output`.
  public init(session: any InteractiveSession, reader: any LineReader, output: any TextOutput) {
    self.session = session
    self.reader = reader
    self.output = output
  }

  /// Runs until the session asks to exit or the input ends; true when every reply succeeded.
  public func run() -> Bool {
    var allSucceeded = true
    while true {
      switch reader.read(prompt: session.prompt) {
      case .line(let line):
        let reply = session.evaluate(line)
        print(reply)
        allSucceeded = allSucceeded && reply.succeeded
        if reply.exit {
          return allSucceeded
        }
      case .interrupted:
        // Ctrl-C cancels the line being typed (the reader already moved to a fresh line) and whatever the
        // session was asking, such as `start`'s questions; the program keeps running.
        print(session.interrupt())
      case .endOfInput:
        let reply = session.endOfInput()
        print(reply)
        return allSucceeded && reply.succeeded
      }
    }
  }

  private func print(_ reply: SessionReply) {
    guard !reply.text.isEmpty else { return }
    output.write(reply.text.hasSuffix("\n") ? reply.text : reply.text + "\n")
  }
}
