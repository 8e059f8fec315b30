import Foundation

/// The server's answer to a device log's push (`PUT /api/v1/audits/{id}/logs/{device}`): what it did with
/// it, and the log as it now holds it. A push is idempotent and never replaces what is stored: the same
/// log again, or an older copy of it, changes nothing; a longer one adds only its new lines.
public struct DeviceLogReceipt: Codable, Hashable, Sendable {
  /// What the push did.
  public enum Outcome: String, Codable, Hashable, Sendable {
    /// The server had no log of this device: all of it is stored.
    case created
    /// The stored log was a beginning of this one: its new lines are stored after it.
    case extended
    /// The server has exactly this log already.
    case unchanged
    /// The server has this log and more of it (a later copy arrived first): nothing is stored.
    case behind
  }

  /// The audit's id.
  public var auditID: String
  /// The team the audit belongs to on the server.
  public var team: String
  /// What the push did.
  public var outcome: Outcome
  /// The device's log as the server now holds it.
  public var log: ServerDeviceLog

  /// A receipt.
  public init(auditID: String, team: String, outcome: Outcome, log: ServerDeviceLog) {
    self.auditID = auditID
    self.team = team
    self.outcome = outcome
    self.log = log
  }
}
