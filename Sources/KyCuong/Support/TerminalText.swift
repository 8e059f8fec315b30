/// Text safe to print on a terminal: control characters (escape sequences that would retitle the window or
/// clear the screen, C1 controls, DEL) and bidirectional overrides shown as `\u{…}`, new lines and tabs kept.
///
/// The one function every text KyCuong prints to a terminal goes through: the executable's results and
/// diagnostics, and the REPL's texts that come from a file (a unit's name in the list of audits).
package enum TerminalText {
  /// `text` with every control character but new line and tab written as `\u{…}`.
  package static func sanitized(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalar == "\t" {
        result.unicodeScalars.append(scalar)
      } else if scalar.properties.generalCategory == .control
        || scalar.properties.generalCategory == .format
          && scalar.value >= 0x202A && scalar.value <= 0x202E
      {
        result += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
