// Temporary copy of the terminal layer's contract; removed when branch terminal is merged.

/// What one read from the terminal gave.
public enum LineInput: Equatable, Sendable {
  /// A line, without its newline.
  case line(String)
  /// Ctrl-C.
  case interrupted
  /// Ctrl-D or the end of a piped input.
  case endOfInput
}

/// Reads lines, with or without editing.
public protocol LineReader: AnyObject {
  /// Shows `prompt` and reads one line.
  func read(prompt: String) -> LineInput
  /// Whether input comes from a terminal.
  var isInteractive: Bool { get }
}

/// The REPL's logic, as the terminal layer drives it.
public protocol InteractiveSession: AnyObject {
  /// The prompt to show before the next line.
  var prompt: String { get }
  /// Evaluates one line.
  func evaluate(_ line: String) -> SessionReply
  /// Whole replacement words for the last word of `lineBeforeCursor`.
  func completions(forLineBeforeCursor lineBeforeCursor: String) -> [String]
  /// The input ended.
  func endOfInput() -> SessionReply
}

/// What the session answers to a line.
public struct SessionReply: Equatable, Sendable {
  /// The text to print.
  public var text: String
  /// Whether the line was accepted.
  public var succeeded: Bool
  /// Whether the REPL should end.
  public var exit: Bool

  /// Creates a reply.
  public init(text: String, succeeded: Bool = true, exit: Bool = false) {
    self.text = text
    self.succeeded = succeeded
    self.exit = exit
  }
}
