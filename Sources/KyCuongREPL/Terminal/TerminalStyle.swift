import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The colour policy: colour only when standard output is a terminal and `NO_COLOR` is unset or empty
/// (https://no-color.org).
public struct TerminalStyle: Equatable, Sendable {
  /// A text attribute the REPL uses.
  public enum Attribute: Sendable, CaseIterable {
    /// Bold, for headings and the current item.
    case bold
    /// Red, for failures and non-compliant results.
    case red
    /// Green, for success and compliant results.
    case green
    /// Yellow, for warnings and items still open.
    case yellow
    /// Dim, for hints and secondary text.
    case dim

    var sgrCode: String {
      switch self {
      case .bold: "1"
      case .red: "31"
      case .green: "32"
      case .yellow: "33"
      case .dim: "2"
      }
    }
  }

  /// Whether `apply` adds escape codes.
  public let colorEnabled: Bool

  /// Creates a style with colour explicitly on or off.
  public init(colorEnabled: Bool) {
    self.colorEnabled = colorEnabled
  }

  /// A style that never adds escape codes.
  public static let plain = TerminalStyle(colorEnabled: false)

  /// The policy: colour when `outputIsTerminal` and `NO_COLOR` is unset or empty in `environment`.
  public static func decide(outputIsTerminal: Bool, environment: [String: String]) -> TerminalStyle {
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    return TerminalStyle(colorEnabled: outputIsTerminal && !noColor)
  }

  /// The policy applied to this process: standard output and the real environment.
  ///
  /// - Parameter environment: The process's environment, when the caller has read it already (reading
  ///   `ProcessInfo.environment` builds it anew each time).
  /// - Returns: Colour when standard output is a terminal and `NO_COLOR` is unset or empty.
  public static func forStandardOutput(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> TerminalStyle {
    decide(outputIsTerminal: isatty(STDOUT_FILENO) != 0, environment: environment)
  }

  /// `text` wrapped in the ANSI codes for `attributes` when colour is enabled, else `text` unchanged.
  public func apply(_ attributes: Attribute..., to text: String) -> String {
    guard colorEnabled, !attributes.isEmpty, !text.isEmpty else { return text }
    let codes = attributes.map(\.sgrCode).joined(separator: ";")
    return "\u{1B}[\(codes)m\(text)\u{1B}[0m"
  }
}

/// Whether a file descriptor is a terminal; separate so callers (and tests) can substitute the decision.
public func isTerminal(fileDescriptor: Int32) -> Bool {
  isatty(fileDescriptor) != 0
}
