import Foundation

/// Reads lines from standard input when it is not a terminal (pipes, files, CI): no prompt, no editing.
///
/// A last line without a newline still counts, "\r\n" endings are stripped, and the end of the input gives
/// `.endOfInput`.
public final class StandardInputLineReader: LineReader {
  private let nextLine: () -> String?

  /// Never a terminal: nothing is prompted and no escape codes are written.
  public var isInteractive: Bool { false }

  /// Reads from the process's standard input.
  public convenience init() {
    self.init(nextLine: { readLine(strippingNewline: true) })
  }

  /// Reads lines from `nextLine`, which returns nil at the end of the input (injectable for tests).
  public init(nextLine: @escaping () -> String?) {
    self.nextLine = nextLine
  }

  /// Reads lines from `fileHandle` (a pipe or a file) until its end.
  public convenience init(fileHandle: FileHandle) {
    let lines = FileHandleLines(fileHandle)
    self.init(nextLine: { lines.next() })
  }

  /// Reads one line; `prompt` is ignored because nobody is looking.
  public func read(prompt: String) -> LineInput {
    guard var line = nextLine() else { return .endOfInput }
    // `readLine` keeps a lone "\r" when the "\r\n" pair was split oddly; a Windows-edited script must not
    // send "quit\r" to the session.
    while line.hasSuffix("\r") || line.hasSuffix("\n") {
      line.removeLast()
    }
    return .line(line)
  }
}

/// Splits the bytes of a file handle into lines, reading as little as possible so a pipe is not drained
/// ahead of what was asked for more than one chunk.
private final class FileHandleLines {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var atEnd = false

  init(_ handle: FileHandle) {
    self.handle = handle
  }

  func next() -> String? {
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        return line
      }
      if atEnd {
        guard !buffer.isEmpty else { return nil }
        // The last line had no newline: it still counts.
        let line = String(decoding: buffer, as: UTF8.self)
        buffer.removeAll()
        return line
      }
      let chunk = handle.availableData
      if chunk.isEmpty {
        atEnd = true
      } else {
        buffer.append(contentsOf: chunk)
      }
    }
  }
}
