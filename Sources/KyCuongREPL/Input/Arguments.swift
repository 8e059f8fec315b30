/// A command's arguments: words, `--option value` pairs and `--flag`s.
///
/// Words are split on white space; double quotes (straight or curly) group words with spaces, so
/// `--unit "UBND phường Hàng Bạc"` is one value. Option values lose their quotes; free text keeps every
/// character the inspector typed (``text``), quotes included: `note Bà Hà nói "đã nhắc nhở"` records the
/// quotes. A quoted word is never an option: `note "--item"` is a note.
struct Arguments {
  /// Words that are not options, in order, without their quotes.
  var positional: [String] = []
  /// Option values by name (without `--`).
  var options: [String: String] = [:]
  /// Flags given (without `--`).
  var flags: Set<String> = []
  /// Options given that the command does not know, in order (without `--`).
  var unknown: [String] = []
  /// The text outside options, as typed: runs of words separated by options are joined by one space.
  var text: String = ""

  /// Reads `text`; names in `flagNames` take no value, every other `--name` takes the next word. When
  /// `optionNames` is given, a `--name` in neither set is recorded in ``unknown`` (and takes no value).
  init(_ text: String, flagNames: Set<String> = [], optionNames: Set<String>? = nil) {
    var tokens = Self.tokens(of: text)[...]
    var runs: [String] = []
    var run: Range<String.Index>?
    func closeRun() {
      if let range = run { runs.append(String(text[range])) }
      run = nil
    }
    while let token = tokens.popFirst() {
      if let name = token.optionName {
        closeRun()
        if flagNames.contains(name) {
          flags.insert(name)
        } else if let optionNames, !optionNames.contains(name) {
          unknown.append(name)
        } else {
          options[name] = tokens.popFirst()?.value ?? ""
        }
      } else {
        positional.append(token.value)
        run = run.map { $0.lowerBound..<token.range.upperBound } ?? token.range
      }
    }
    closeRun()
    self.text = runs.joined(separator: " ")
  }

  /// The positional words joined by single spaces (quotes removed).
  var joined: String { positional.joined(separator: " ") }

  /// One word of the line: its text without quotes, where it is, and whether it was quoted.
  struct Token {
    var value: String
    var range: Range<String.Index>
    var quoted: Bool

    /// `name` for an unquoted `--name` (a letter after the dashes; a bare `--` is a word).
    var optionName: String? {
      guard !quoted, value.hasPrefix("--"), let first = value.dropFirst(2).first, first.isLetter else {
        return nil
      }
      return String(value.dropFirst(2)).lowercased()
    }
  }

  /// Splits on white space, keeping quoted runs together.
  static func tokens(of text: String) -> [Token] {
    var tokens: [Token] = []
    var current = ""
    var quoted = false
    var wasQuoted = false
    var start: String.Index?
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "\"" || character == "“" || character == "”" {
        quoted.toggle()
        wasQuoted = true
        if start == nil { start = index }
      } else if character.isWhitespace && !quoted {
        if let begin = start {
          tokens.append(Token(value: current, range: begin..<index, quoted: wasQuoted))
        }
        current = ""
        start = nil
        wasQuoted = false
      } else {
        current.append(character)
        if start == nil { start = index }
      }
      index = text.index(after: index)
    }
    if let begin = start {
      tokens.append(Token(value: current, range: begin..<text.endIndex, quoted: wasQuoted))
    }
    return tokens
  }

  /// Splits on white space, keeping quoted runs together (quotes removed).
  static func words(of text: String) -> [String] {
    tokens(of: text).map(\.value)
  }
}
