import Foundation

/// What a registered device may do through the API.
public enum DeviceRole: String, CaseIterable, Codable, Hashable, Sendable {
  /// A team leader's laptop: pushes its team's audits (exports and bundles) and reads them.
  case leader
  /// A member's laptop: reads its team's audits; it pushes nothing of its own (its device log reaches the
  /// server inside the leader's merged, sealed export).
  case member
  /// Reads its team's audits.
  case viewer

  /// Whether the role may push an audit.
  public var mayPush: Bool { self == .leader }
}
