import Foundation
import KyCuong

/// Who holds an audit's write lock: written into `<id>.lock` by the process that holds it, so a second
/// process can say whom to ask.
public struct LockHolder: Hashable, Sendable, Codable {
  /// The holder's process id.
  public var pid: Int32
  /// The user it runs as.
  public var user: String
  /// The machine it runs on.
  public var host: String
  /// When it took the lock.
  public var since: Date

  /// Creates a holder record.
  public init(pid: Int32, user: String, host: String, since: Date) {
    self.pid = pid
    self.user = user
    self.host = host
    self.since = since
  }

  /// This process, now.
  public static func current(at time: Date) -> LockHolder {
    let environment = ProcessInfo.processInfo.environment
    let user = environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    return LockHolder(
      pid: ProcessInfo.processInfo.processIdentifier, user: user, host: ProcessInfo.processInfo.hostName,
      since: Timestamp.wholeSeconds(time))
  }
}
