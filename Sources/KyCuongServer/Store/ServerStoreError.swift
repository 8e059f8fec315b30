import Foundation

/// The server's records could not be read or written: what was being done and why.
public struct ServerStoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What happened and what to do.
  public var description: String

  init(_ description: String) {
    self.description = description
  }
}
