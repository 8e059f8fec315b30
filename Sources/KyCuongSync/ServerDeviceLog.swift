import Foundation

/// One device's log of a team audit as the server holds it (`GET /api/v1/audits/{id}/logs`): which device,
/// who records on it, and how much of it the server has. The log's bytes are at
/// `GET /api/v1/audits/{id}/logs/{device}`.
public struct ServerDeviceLog: Codable, Hashable, Sendable {
  /// The device's id in the audit: `leader` for the leader's log, a member's device id otherwise.
  public var device: String
  /// Who records on it: the leader, or the member who joined on that device.
  public var recorder: String
  /// The stored log's size in bytes.
  public var byteCount: Int
  /// Its lines: one event each.
  public var lineCount: Int
  /// The SHA-256 of the stored log (lowercase hex).
  public var sha256: String
  /// When its latest part arrived.
  public var pushedAt: Date

  /// A device log's entry.
  public init(
    device: String, recorder: String, byteCount: Int, lineCount: Int, sha256: String, pushedAt: Date
  ) {
    self.device = device
    self.recorder = recorder
    self.byteCount = byteCount
    self.lineCount = lineCount
    self.sha256 = sha256
    self.pushedAt = pushedAt
  }
}
