import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

/// A session that records what the loop asked of it.
private final class RecordingSession: InteractiveSession {
  var evaluated: [String] = []
  var endOfInputCalls = 0
  var interruptCalls = 0
  var replies: [String: SessionReply] = [:]
  var goodbye = SessionReply(text: "tạm biệt")

  var prompt: String { "[\(evaluated.count + 1)/3 BADGE-01] › " }

  func evaluate(_ line: String) -> SessionReply {
    evaluated.append(line)
    return replies[line] ?? SessionReply(text: "đã nhận: \(line)")
  }

  func completions(forLineBeforeCursor lineBeforeCursor: String) -> [String] { [] }

  func endOfInput() -> SessionReply {
    endOfInputCalls += 1
    return goodbye
  }

  func interrupt() -> SessionReply {
    interruptCalls += 1
    return SessionReply(text: "")
  }
}

@Suite("REPLLoop")
struct TerminalLoopTests {
  @Test("prints each reply on its own line, then the goodbye")
  func printsReplies() {
    let session = RecordingSession()
    let output = CapturingOutput()
    let reader = ScriptedLineReader([.line("Đeo thẻ"), .line("đạt")])
    let succeeded = REPLLoop(session: session, reader: reader, output: output).run()
    #expect(succeeded)
    #expect(session.evaluated == ["Đeo thẻ", "đạt"])
    #expect(output.text == "đã nhận: Đeo thẻ\nđã nhận: đạt\ntạm biệt\n")
  }

  @Test("asks the session for the prompt before each read")
  func promptsFromSession() {
    let session = RecordingSession()
    let reader = ScriptedLineReader([.line("a")])
    _ = REPLLoop(session: session, reader: reader, output: CapturingOutput()).run()
    #expect(reader.prompts == ["[1/3 BADGE-01] › ", "[2/3 BADGE-01] › "])
  }

  @Test("an interruption cancels nothing but the line and the loop goes on")
  func interruptedContinues() {
    let session = RecordingSession()
    let output = CapturingOutput()
    let reader = ScriptedLineReader([.interrupted, .line("sau"), .interrupted])
    let succeeded = REPLLoop(session: session, reader: reader, output: output).run()
    #expect(succeeded)
    #expect(session.evaluated == ["sau"])
    #expect(session.interruptCalls == 2)
    #expect(session.endOfInputCalls == 1)
  }

  @Test("end of input calls endOfInput once and stops reading")
  func endOfInputStops() {
    let session = RecordingSession()
    let reader = ScriptedLineReader([.line("một"), .endOfInput, .line("không đọc")])
    _ = REPLLoop(session: session, reader: reader, output: CapturingOutput()).run()
    #expect(session.evaluated == ["một"])
    #expect(session.endOfInputCalls == 1)
    #expect(reader.remaining == [.line("không đọc")])
  }

  @Test("an exit reply ends the loop without calling endOfInput")
  func exitStops() {
    let session = RecordingSession()
    session.replies["quit"] = SessionReply(text: "bye", exit: true)
    let output = CapturingOutput()
    let reader = ScriptedLineReader([.line("quit"), .line("after")])
    #expect(REPLLoop(session: session, reader: reader, output: output).run())
    #expect(session.evaluated == ["quit"])
    #expect(session.endOfInputCalls == 0)
    #expect(output.text == "bye\n")
  }

  @Test("one failed command makes the run fail, the rest still runs")
  func failureIsReported() {
    let session = RecordingSession()
    session.replies["sai"] = SessionReply(text: "lỗi", succeeded: false)
    let reader = ScriptedLineReader([.line("sai"), .line("đúng")])
    #expect(!REPLLoop(session: session, reader: reader, output: CapturingOutput()).run())
    #expect(session.evaluated == ["sai", "đúng"])
  }

  @Test("a failed goodbye (say, the save failed) makes the run fail")
  func failedGoodbye() {
    let session = RecordingSession()
    session.goodbye = SessionReply(text: "không lưu được", succeeded: false)
    #expect(!REPLLoop(session: session, reader: ScriptedLineReader([]), output: CapturingOutput()).run())
  }

  @Test("empty replies print nothing; replies ending in a newline get no second one")
  func newlines() {
    let session = RecordingSession()
    session.replies["im"] = SessionReply(text: "")
    session.replies["hai"] = SessionReply(text: "dòng 1\ndòng 2\n")
    session.goodbye = SessionReply(text: "")
    let output = CapturingOutput()
    let reader = ScriptedLineReader([.line("im"), .line("hai")])
    _ = REPLLoop(session: session, reader: reader, output: output).run()
    #expect(output.text == "dòng 1\ndòng 2\n")
  }
}
