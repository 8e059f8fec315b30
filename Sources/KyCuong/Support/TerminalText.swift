/// Text safe to print on a terminal: control characters (escape sequences that would retitle the window or
/// clear the screen, C1 controls, DEL) and bidirectional embeddings, overrides and isolates shown as `\u{…}`,
/// new lines and tabs kept.
///
/// The one function every text KyCuong prints to a terminal goes through: the executable's results and
/// diagnostics, and the REPL's texts that come from a file (a unit's name in the list of audits).
package enum TerminalText {
  /// `text` with every control character but new line and tab written as `\u{…}`.
  package static func sanitized(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar) {
        result += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether `scalar` may change what a terminal shows beyond itself: a control character other than new
  /// line and tab (ESC starts the sequences that retitle a window or clear the screen; C1 and DEL act on some
  /// terminals), or a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which
  /// reorders the text after it ("Trojan Source").
  package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "\n" || scalar == "\t" { return false }
    switch scalar.value {
    case 0x202A...0x202E, 0x2066...0x2069: return true
    default: return scalar.properties.generalCategory == .control
    }
  }
}
