/// What one read from the user gives.
public enum LineInput: Equatable, Sendable {
  /// A line the user entered, without its newline.
  case line(String)
  /// The user pressed Ctrl-C: the line being typed is cancelled, the session goes on.
  case interrupted
  /// Ctrl-D on an empty line, or the end of a pipe or file: the session ends.
  case endOfInput
}

/// Reads the inspector's lines: libedit on a terminal, plain stdin otherwise, a script in tests.
public protocol LineReader: AnyObject {
  /// Shows `prompt` (ignored where there is no terminal) and reads one line, without its newline.
  func read(prompt: String) -> LineInput
  /// Whether this reader talks to a terminal (prompts, colour and completion make sense).
  var isInteractive: Bool { get }
}
