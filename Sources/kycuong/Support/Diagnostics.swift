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
