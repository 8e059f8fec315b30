/// What the REPL's logic offers the terminal layer; ``Session`` conforms.
public protocol InteractiveSession: AnyObject {
  /// The prompt for the next line, plain text, may be non-ASCII (e.g. "[12/48 BADGE-02] › ").
  var prompt: String { get }
  /// Handles one line and returns what to print.
  func evaluate(_ line: String) -> SessionReply
  /// Completion candidates for the word that ends `lineBeforeCursor` (the whole replacement words, not suffixes).
  func completions(forLineBeforeCursor lineBeforeCursor: String) -> [String]
  /// Called on end of input (Ctrl-D on an empty line, EOF on a pipe): save and say goodbye.
  func endOfInput() -> SessionReply
  /// Called when Ctrl-C cancelled the line being typed (the reader has already discarded it).
  func interrupt() -> SessionReply
  /// Whether `line`, just read and not yet evaluated, may be kept in the history file.
  func keepsInHistory(_ line: String) -> Bool
}

extension InteractiveSession {
  /// Every line is kept, unless the session says otherwise.
  public func keepsInHistory(_ line: String) -> Bool { true }
}

/// A reply: text to print and whether the command succeeded; `exit` ends the loop.
public struct SessionReply: Equatable, Sendable {
  /// What to print; empty prints nothing, a missing final newline is added.
  public var text: String
  /// Whether the command succeeded; one failure makes a script's exit status non-zero.
  public var succeeded: Bool
  /// Whether the loop ends after printing this reply.
  public var exit: Bool

  /// Creates a reply; by default a successful one that keeps the loop going.
  public init(text: String, succeeded: Bool = true, exit: Bool = false) {
    self.text = text
    self.succeeded = succeeded
    self.exit = exit
  }
}
