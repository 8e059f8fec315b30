import Foundation

/// Where an ``Audit`` takes the time of the changes it records: the system clock, or a fixed or scripted
/// one for tests and reproducible samples.
public struct AuditClock: Sendable {
  /// The current time.
  public let now: @Sendable () -> Date

  /// A clock that reads `now`.
  ///
  /// - Parameter now: Gives the time of each change.
  public init(_ now: @escaping @Sendable () -> Date) {
    self.now = now
  }

  /// The system's clock.
  public static let system = AuditClock { Date() }

  /// A clock that always says `date`.
  ///
  /// - Parameter date: The time of every change.
  /// - Returns: A clock whose ``now`` returns `date` every time it is read.
  public static func fixed(_ date: Date) -> AuditClock { AuditClock { date } }
}
