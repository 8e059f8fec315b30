import Foundation

/// Someone who refused to sign the record, and why ("từ chối ký, lý do: …"), as the record must state it.
public struct SignatureRefusal: Hashable, Sendable, Codable {
  /// Who refused.
  public var name: String
  /// The reason they gave.
  public var reason: String
  /// Who recorded the refusal.
  public var by: String
  /// When.
  public var at: Date
  /// The sequence number of the event that recorded it.
  public var event: Int

  /// Creates a refusal record.
  ///
  /// - Parameters:
  ///   - name: Who refused.
  ///   - reason: The reason they gave.
  ///   - by: Who recorded it.
  ///   - at: When.
  ///   - event: The event's sequence number.
  public init(name: String, reason: String, by: String, at: Date, event: Int) {
    self.name = name
    self.reason = reason
    self.by = by
    self.at = at
    self.event = event
  }
}
