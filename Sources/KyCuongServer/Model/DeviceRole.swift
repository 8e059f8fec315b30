import Foundation

/// What a registered device may do through the API.
public enum DeviceRole: String, CaseIterable, Codable, Hashable, Sendable {
  /// A team leader's laptop: pushes its team's audits (exports and bundles) and reads them.
  case leader
  /// A member's laptop: reads its team's audits and pushes its own device log of them while the audit goes
  /// on (the leader pulls it to merge); the audit itself reaches the server as the leader's merged, sealed
  /// export.
  case member
  /// Reads its team's audits.
  case viewer

  /// Whether the role may push an audit.
  public var mayPush: Bool { self == .leader }

  /// Whether the role may push device logs of its team's audits: a member's own (and others' it relays),
  /// and, for a leader, the leader's log too.
  public var mayPushDeviceLogs: Bool { self != .viewer }

}
