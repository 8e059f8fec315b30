import Foundation
import KyCuong

/// Everything `kycuong` says that is not a result goes to standard error, so that standard output holds only
/// what was asked for (a table, JSON, a record) and can be piped.
enum Diagnostics {
  /// `kycuong: MESSAGE`, for a failure.
  static func error(_ message: String) {
    write("kycuong: " + TerminalText.sanitized(message))
  }

  /// `warning: MESSAGE`.
  static func warn(_ message: String) {
    write("warning: " + TerminalText.sanitized(message))
  }

  /// A line of information that is not a result.
  static func note(_ message: String) {
    write(TerminalText.sanitized(message))
  }

  private static func write(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}

/// Text safe to print on a terminal: control characters (escape sequences that would retitle the window or
/// clear the screen) shown as `\u{…}`, new lines kept.
enum TerminalText {
  static func sanitized(_ text: String) -> String {
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
