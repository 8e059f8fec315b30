import Foundation

/// The environment kycuong started with, read once.
///
/// `ProcessInfo.environment` builds a new dictionary of every variable each time it is read: five reads on the
/// way to the REPL's first prompt were a fifth of a start's instructions (callgrind, session 15). kycuong never
/// changes its own environment, so one read serves the whole process.
enum ProcessEnvironment {
  /// Every variable of the process's environment, by name.
  static let variables: [String: String] = ProcessInfo.processInfo.environment
}
