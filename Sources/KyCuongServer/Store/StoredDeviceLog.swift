import Foundation
import KyCuongSync

/// A device's log of a team audit as the server stores it: its segments joined, in order.
public struct StoredDeviceLog: Sendable {
  /// The log's entry: device, recorder, size, digest.
  public var entry: ServerDeviceLog
  /// Its exact bytes, as the device wrote them.
  public var data: Data

  /// A stored log.
  public init(entry: ServerDeviceLog, data: Data) {
    self.entry = entry
    self.data = data
  }
}
