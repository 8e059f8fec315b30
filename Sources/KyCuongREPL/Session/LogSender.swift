import Foundation

/// Where a session sends its device's log of the open audit while the audit goes on: the department
/// server, as a rule (`kycuong audit --server URL --key FILE`). The session never waits for it: sending runs
/// in the background, is retried until it succeeds, and the prompt shows what is not yet sent.
public protocol LogSender: Sendable {
  /// What names the destination in messages (the server's address).
  var destination: String { get }

  /// Sends `log`, a device's log of audit `audit` (whole lines), and answers how many of its lines the
  /// destination now holds. Called on the session's own sending thread, never on the thread that reads
  /// lines, and never on Swift's cooperative pool: it may block until the answer comes.
  ///
  /// - Parameters:
  ///   - log: The log's bytes, as on disk, up to a line's end.
  ///   - audit: The audit's id.
  ///   - device: The log's device: `leader`, or the member's device id.
  /// - Returns: The number of the log's lines the destination holds.
  /// - Throws: Why it was not sent (no network, refused); the session shows it and tries again later.
  func send(_ log: Data, audit: String, device: String) throws -> Int
}
