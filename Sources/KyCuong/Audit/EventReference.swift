/// One event of a team audit, named where it was recorded: the device's log and its sequence number there.
///
/// A merged audit renumbers its events (``TeamMerge``), and the numbers move when another device's log
/// comes in; a reference by device stays the same, so a resolution (``AuditEvent/Change/resolved(item:outcome:reason:settles:)``)
/// names the answers it settles this way.
public struct EventReference: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The device of the team leader's log: the audit's own log, the one with no `joined` event.
  public static let leaderDevice = "leader"

  /// The device: ``leaderDevice``, or the id of a member's `joined` event.
  public var device: String
  /// The event's sequence number in that device's log.
  public var sequence: Int

  /// Names an event.
  ///
  /// - Parameters:
  ///   - device: The device.
  ///   - sequence: The sequence number in its log.
  public init(device: String, sequence: Int) {
    self.device = device
    self.sequence = sequence
  }

  /// `device#sequence`, as the REPL and the command line print and read it.
  public var description: String { "\(device)#\(sequence)" }

  /// Reads `device#sequence`.
  ///
  /// - Parameter text: The reference.
  public init?(_ text: String) {
    guard let hash = text.lastIndex(of: "#"), let sequence = Int(text[text.index(after: hash)...]),
      sequence > 0, hash > text.startIndex
    else { return nil }
    self.init(device: String(text[..<hash]), sequence: sequence)
  }

  /// Orders by device, then sequence number.
  public static func < (lhs: EventReference, rhs: EventReference) -> Bool {
    (lhs.device, lhs.sequence) < (rhs.device, rhs.sequence)
  }

  /// Whether `id` may name a member's device: 1 to 40 lowercase letters, digits and `-`, not ``leaderDevice``.
  ///
  /// - Parameter id: A device id.
  /// - Returns: Whether it may name a member's device.
  public static func isValidMemberDevice(_ id: String) -> Bool {
    id != leaderDevice && (1...40).contains(id.utf8.count)
      && id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
  }
}
