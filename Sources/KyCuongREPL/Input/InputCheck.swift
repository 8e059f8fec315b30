/// Why a line is refused before it is read as a command or an answer.
public enum InputProblem: Hashable, Sendable {
  /// Longer than ``InputCheck/maximumBytes`` bytes of UTF-8.
  case tooLong(bytes: Int)
  /// Holds a control character other than tab (escape sequences, NUL, a pasted carriage return).
  case controlCharacter
  /// Holds U+FFFD: the reader replaced bytes that were not UTF-8.
  case invalidUTF8
}

/// Checks a line before anything else reads it, so that no stray byte reaches an audit log.
public enum InputCheck {
  /// The longest line accepted, in bytes: far above any answer or note, low enough to stop a runaway paste.
  public static let maximumBytes = 4096

  /// What is wrong with `line`, or `nil` when it may be read.
  public static func problem(in line: String) -> InputProblem? {
    let bytes = line.utf8.count
    if bytes > maximumBytes { return .tooLong(bytes: bytes) }
    if line.unicodeScalars.contains("\u{FFFD}") { return .invalidUTF8 }
    let control = line.unicodeScalars.contains { scalar in
      scalar != "\t" && scalar.properties.generalCategory == .control
    }
    return control ? .controlCharacter : nil
  }
}
