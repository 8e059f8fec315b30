/// A command's arguments: words, `--option value` pairs and `--flag`s.
///
/// Words are split on white space; double quotes (straight or curly) group words with spaces, so
/// `--unit "UBND phường Hàng Bạc"` is one value.
struct Arguments {
  /// Words that are not options, in order.
  var positional: [String] = []
  /// Option values by name (without `--`).
  var options: [String: String] = [:]
  /// Flags given (without `--`).
  var flags: Set<String> = []

  /// Reads `text`; names in `flagNames` take no value, every other `--name` takes the next word.
  init(_ text: String, flagNames: Set<String> = []) {
    var words = Self.words(of: text)[...]
    while let word = words.popFirst() {
      if word.hasPrefix("--"), word.count > 2 {
        let name = String(word.dropFirst(2)).lowercased()
        if flagNames.contains(name) {
          flags.insert(name)
        } else {
          options[name] = words.popFirst() ?? ""
        }
      } else {
        positional.append(word)
      }
    }
  }

  /// The positional words joined by single spaces.
  var joined: String { positional.joined(separator: " ") }

  /// Splits on white space, keeping quoted runs together (quotes removed).
  static func words(of text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var started = false
    for character in text {
      if character == "\"" || character == "“" || character == "”" {
        quoted.toggle()
        started = true
      } else if character.isWhitespace && !quoted {
        if started { words.append(current) }
        current = ""
        started = false
      } else {
        current.append(character)
        started = true
      }
    }
    if started { words.append(current) }
    return words
  }
}
