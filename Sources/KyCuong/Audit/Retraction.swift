import Foundation

/// An entry withdrawn from an audit: the event that made it, kept whole, with the reason, who and when.
/// The record leaves the entry out; the export lists it here, so the history stays complete.
public struct Retraction: Hashable, Sendable, Codable {
  /// The withdrawn event, as the log has it (a note, an attachment, an answer…).
  public var withdrawn: AuditEvent
  /// Why it was withdrawn.
  public var reason: String
  /// Who withdrew it.
  public var by: String
  /// When.
  public var at: Date
  /// The sequence number of the retraction event itself.
  public var event: Int

  /// Creates a retraction record.
  ///
  /// - Parameters:
  ///   - withdrawn: The withdrawn event.
  ///   - reason: Why.
  ///   - by: Who withdrew it.
  ///   - at: When.
  ///   - event: The retraction event's sequence number.
  public init(withdrawn: AuditEvent, reason: String, by: String, at: Date, event: Int) {
    self.withdrawn = withdrawn
    self.reason = reason
    self.by = by
    self.at = at
    self.event = event
  }
}
