import Foundation
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

@Suite("StandardInputLineReader")
struct TerminalReaderTests {
  /// A reader over a pipe that already holds `text` and is closed for writing.
  private func reader(over text: String) throws -> StandardInputLineReader {
    let pipe = Pipe()
    try pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    try pipe.fileHandleForWriting.close()
    return StandardInputLineReader(fileHandle: pipe.fileHandleForReading)
  }

  private func readAll(_ reader: StandardInputLineReader) -> [LineInput] {
    var inputs: [LineInput] = []
    while true {
      let input = reader.read(prompt: "[1/3] › ")
      inputs.append(input)
      if input == .endOfInput || inputs.count > 100 { return inputs }
    }
  }

  @Test("reads lines from a pipe; a last line without newline counts; then end of input")
  func pipeLines() throws {
    let inputs = readAll(try reader(over: "Đeo thẻ công chức\nđạt\nkhông đạt"))
    #expect(inputs == [.line("Đeo thẻ công chức"), .line("đạt"), .line("không đạt"), .endOfInput])
  }

  @Test("strips \\r\\n line endings and keeps empty lines")
  func crlf() throws {
    let inputs = readAll(try reader(over: "một\r\n\r\nhai\r\n"))
    #expect(inputs == [.line("một"), .line(""), .line("hai"), .endOfInput])
  }

  @Test("an empty pipe is the end of input at once, and stays so")
  func emptyPipe() throws {
    let reader = try reader(over: "")
    #expect(reader.read(prompt: "") == .endOfInput)
    #expect(reader.read(prompt: "") == .endOfInput)
  }

  @Test("reads from a file")
  func file() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kycuong-reader-\(UUID()).txt")
    try Data("BADGE-01 đạt\nquit\n".utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let reader = StandardInputLineReader(fileHandle: try FileHandle(forReadingFrom: url))
    #expect(readAll(reader) == [.line("BADGE-01 đạt"), .line("quit"), .endOfInput])
  }

  @Test("reads from an injected source and is never interactive")
  func injected() {
    var lines = ["a\r", "b"]
    let reader = StandardInputLineReader(nextLine: { lines.isEmpty ? nil : lines.removeFirst() })
    #expect(!reader.isInteractive)
    #expect(readAll(reader) == [.line("a"), .line("b"), .endOfInput])
  }

  @Test("a scripted reader ends with end of input")
  func scripted() {
    let reader = ScriptedLineReader([.line("x"), .interrupted])
    #expect(reader.read(prompt: "p") == .line("x"))
    #expect(reader.read(prompt: "p") == .interrupted)
    #expect(reader.read(prompt: "p") == .endOfInput)
  }
}
