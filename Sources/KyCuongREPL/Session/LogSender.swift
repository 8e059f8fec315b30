import Foundation

/// Where a session sends its device's log of the open audit while the audit goes on, and where the leader's
/// session fetches the members' logs from: the department server, as a rule (`kycuong audit --server URL
/// --key FILE`). The session never waits for a send: sending runs in the background, is retried until it
/// succeeds, and the prompt shows what is not yet sent.
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

  /// The logs of audit `audit` the destination holds for every device but `device`, each its exact bytes,
  /// for the leader's session to merge (`sync`). Called on a thread of its own, like ``send(_:audit:device:)``;
  /// it may block until the answer comes.
  ///
  /// - Parameters:
  ///   - audit: The audit's id.
  ///   - device: This device's id in the audit (its own log is not fetched).
  /// - Returns: Each other device's id and log.
  /// - Throws: Why they could not be fetched; the session shows it, and `sync` tries again.
  func fetchLogs(of audit: String, excluding device: String) throws -> [(device: String, data: Data)]
}
