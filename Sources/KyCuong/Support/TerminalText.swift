/// Text safe to print on a terminal: control characters (escape sequences that would retitle the window or
/// clear the screen, C1 controls, DEL) and bidirectional embeddings, overrides and isolates shown as `\u{…}`,
/// new lines and tabs kept.
///
/// The one function every text KyCuong prints to a terminal goes through: the executable's results and
/// diagnostics, and the REPL's texts that come from a file (a unit's name in the list of audits).
package enum TerminalText {
  /// `text` with every control character but new line and tab written as `\u{…}`.
  ///
  /// - Parameters:
  ///   - text: What is to be printed.
  ///   - keptStyles: SGR parameters (`"1"`, `"31"`, `"0"`) whose exact sequences `ESC [ code m` stay as they
  ///     are: the caller's own colours, the way `less -R` passes colour and nothing else. Any other sequence,
  ///     and every other control character, is shown. A hostile text can at worst switch among these
  ///     colours; it can never hide text, move the cursor, retitle the window or clear the screen.
  /// - Returns: The text, safe to print.
  package static func sanitized(_ text: String, keeping keptStyles: Set<String> = []) -> String {
    // Every reply and prompt of the REPL passes here: most hold nothing to escape, and are returned as they are.
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\u{1B}", !keptStyles.isEmpty,
        let end = styleEnd(in: scalars, from: index, keeping: keptStyles)
      {
        result.unicodeScalars.append(contentsOf: scalars[index..<end])
        index = end
        continue
      }
      if isUnsafe(scalar) {
        result += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
      index += 1
    }
    return result
  }

  /// Where the SGR sequence `ESC [ code m` that starts at `start` ends, when its code is one of `kept`.
  private static func styleEnd(
    in scalars: [Unicode.Scalar], from start: Int, keeping kept: Set<String>
  ) -> Int? {
    guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
    var code = ""
    var index = start + 2
    while index < scalars.count, index - start <= 6, ("0"..."9").contains(scalars[index]) {
      code.unicodeScalars.append(scalars[index])
      index += 1
    }
    guard index < scalars.count, scalars[index] == "m", kept.contains(code) else { return nil }
    return index + 1
  }

  /// Whether `scalar` may change what a terminal shows beyond itself: a control character other than new
  /// line and tab (ESC starts the sequences that retitle a window or clear the screen; C1 and DEL act on some
  /// terminals), or a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which
  /// reorders the text after it ("Trojan Source").
  package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "\n" || scalar == "\t" { return false }
    switch scalar.value {
    case 0x202A...0x202E, 0x2066...0x2069: return true
    // The general category Control (Cc) is these two ranges, and Unicode's stability policy keeps it so;
    // asking the scalar's properties instead was two thirds of writing a 10 MB JSON report.
    case 0x00...0x1F, 0x7F...0x9F: return true
    default: return false
    }
  }
}
