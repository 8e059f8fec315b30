/// A line of an event log that could not be read as an event.
public struct LogDamage: Hashable, Sendable, CustomStringConvertible {
  /// What is wrong with the line.
  public enum Kind: Hashable, Sendable {
    /// The last line is not a whole event and has no newline: the signature of a crash mid-write.
    case incompleteLastLine(bytes: Int)
    /// A line that is not a valid event; `reason` says why, with the JSON path.
    case invalidEvent(reason: String)
    /// A line with a key given twice, which a reader would have read as one of its values.
    case duplicateKey(path: String)
  }

  /// The line's number in the file, from 1.
  public var line: Int
  /// What is wrong.
  public var kind: Kind

  /// Creates a damage record.
  ///
  /// - Parameters:
  ///   - line: The line's number, from 1.
  ///   - kind: What is wrong.
  public init(line: Int, kind: Kind) {
    self.line = line
    self.kind = kind
  }

  /// `line 7: incomplete last line (83 bytes), probably cut off by a crash; ignored`.
  public var description: String {
    switch kind {
    case .incompleteLastLine(let bytes):
      "line \(line): incomplete last line (\(bytes) bytes), probably cut off by a crash; ignored"
    case .invalidEvent(let reason): "line \(line): not a valid event (\(reason)); ignored"
    case .duplicateKey(let path):
      "line \(line): not a valid event (the key \"\(path)\" occurs twice); ignored"
    }
  }
}
