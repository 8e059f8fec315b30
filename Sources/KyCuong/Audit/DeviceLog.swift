import KyCuongModel

/// One device's log of a team audit, read and checked on its own, ready to merge (``TeamMerge``).
public struct DeviceLog: Sendable {
  /// What names the log in messages: its file, as a rule.
  public var name: String
  /// Its events, oldest first: `started` (the leader's), then, on a member's device, `joined`.
  public var events: [AuditEvent]

  /// Creates a device log.
  ///
  /// - Parameters:
  ///   - name: What names it in messages.
  ///   - events: Its events.
  public init(name: String, events: [AuditEvent]) {
    self.name = name
    self.events = events
  }

  /// The device it was recorded on: the id of its `joined` event, or ``EventReference/leaderDevice``.
  public var device: String {
    if events.count > 1, case .joined(let device) = events[1].change { return device }
    return EventReference.leaderDevice
  }

  /// Who recorded on it: the member who joined, or the leader who started the audit.
  public var recorder: String? {
    (device == EventReference.leaderDevice ? events.first : events[1])?.author
  }
}
