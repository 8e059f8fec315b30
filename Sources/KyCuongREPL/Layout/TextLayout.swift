/// Laying text out for a terminal: display widths (a Vietnamese letter is one column however it is
/// composed, a CJK character two, ANSI colour codes none), word wrapping, padding and shortening.
///
/// Shared by the session's replies and the messages, so neither depends on the other.
package enum TextLayout {
  /// The columns `text` takes on a terminal.
  package static func width(_ text: String) -> Int {
    var total = 0
    var inEscape = false
    for character in text {
      if inEscape {
        // CSI sequences end with a letter (`ESC [ 1 m`).
        if character.isLetter { inEscape = false }
        continue
      }
      if character == "\u{1B}" {
        inEscape = true
        continue
      }
      total += width(of: character)
    }
    return total
  }

  /// The columns one character takes: 0 for a control or a lone combining mark, 2 for a wide one, else 1.
  static func width(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    let category = first.properties.generalCategory
    if category == .control || category == .format || category == .nonspacingMark
      || category == .enclosingMark
    {
      return 0
    }
    return isWide(first.value) ? 2 : 1
  }

  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      true
    default: false
    }
  }

  /// `text` padded with spaces to `columns` display columns (never cut).
  static func pad(_ text: String, _ columns: Int) -> String {
    let width = width(text)
    return width >= columns ? text : text + String(repeating: " ", count: columns - width)
  }

  /// `text` cut to `columns` display columns, an ellipsis marking the cut.
  static func shorten(_ text: String, _ columns: Int) -> String {
    guard width(text) > columns, columns > 0 else { return text }
    var result = ""
    var used = 0
    for character in text {
      let next = width(of: character)
      if used + next > columns - 1 { break }
      result.append(character)
      used += next
    }
    return result + "…"
  }

  /// `text` with every line longer than `columns` wrapped at spaces; a continuation line is indented two
  /// columns further than the line it continues. A word longer than a line is cut. `nil` leaves it alone.
  static func wrap(_ text: String, columns: Int?) -> String {
    guard let columns, columns >= 20 else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { wrapLine(String($0), columns: columns) }
      .joined(separator: "\n")
  }

  private static func wrapLine(_ line: String, columns: Int) -> String {
    guard width(line) > columns else { return line }
    let indent = line.prefix(while: { $0 == " " }).count
    let hanging = String(repeating: " ", count: min(indent + 2, columns / 2))
    var lines: [String] = []
    var current = String(repeating: " ", count: indent)
    var currentWidth = indent
    var lineHasWord = false
    for word in unbreakableWords(String(line.dropFirst(indent))) {
      var word = word
      var wordWidth = width(word)
      let separator = lineHasWord ? 1 : 0
      if currentWidth + separator + wordWidth <= columns {
        current += (lineHasWord ? " " : "") + word
        currentWidth += separator + wordWidth
        lineHasWord = true
        continue
      }
      if lineHasWord {
        lines.append(current)
        current = hanging
        currentWidth = hanging.count
      }
      // A word wider than a whole line is cut where the line ends.
      while currentWidth + wordWidth > columns {
        let (head, tail) = split(word, at: columns - currentWidth)
        lines.append(current + head)
        current = hanging
        currentWidth = hanging.count
        word = tail
        wordWidth = width(word)
      }
      current += word
      currentWidth += wordWidth
      lineHasWord = !word.isEmpty
    }
    lines.append(current)
    return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
  }

  /// The words of `text` split at spaces, except inside backquotes: a command to type (`resume ID`) is
  /// kept on one line.
  private static func unbreakableWords(_ text: String) -> [String] {
    var words: [String] = []
    var open = false
    for part in text.split(separator: " ", omittingEmptySubsequences: false) {
      if open, let last = words.popLast() {
        words.append(last + " " + part)
      } else {
        words.append(String(part))
      }
      if part.filter({ $0 == "`" }).count % 2 == 1 { open.toggle() }
    }
    return words
  }

  /// The first `columns` display columns of `word` (at least one character), and the rest.
  private static func split(_ word: String, at columns: Int) -> (String, String) {
    var head = ""
    var used = 0
    var index = word.startIndex
    while index < word.endIndex {
      let next = width(of: word[index])
      if used + next > columns, !head.isEmpty { break }
      head.append(word[index])
      used += next
      index = word.index(after: index)
    }
    return (head, String(word[index...]))
  }
}
