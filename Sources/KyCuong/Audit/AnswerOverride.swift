import Foundation

/// An earlier answer replaced by a later one (the XCCDF `override` idea): old and new result, the remark,
/// who and when.
public struct AnswerOverride: Hashable, Sendable, Codable {
  /// The state before the change (`nil` state is never stored: an unanswered item has no override).
  public var old: Outcome?
  /// The reason an item was skipped, when the old state was a skip.
  public var oldSkipReason: String?
  /// The new answer.
  public var new: Outcome
  /// Why it changed.
  public var remark: String?
  /// Who changed it.
  public var by: String
  /// When.
  public var at: Date
  /// The sequence number of the event that gave the new answer; `nil` in exports made before events were
  /// referenced.
  public var event: Int?

  /// Creates an override record.
  ///
  /// - Parameters:
  ///   - old: The earlier answer, `nil` when the item was skipped.
  ///   - oldSkipReason: The reason of the earlier skip.
  ///   - new: The new answer.
  ///   - remark: Why it changed.
  ///   - by: Who changed it.
  ///   - at: When.
  ///   - event: The sequence number of the event that gave the new answer.
  public init(
    old: Outcome?, oldSkipReason: String? = nil, new: Outcome, remark: String?, by: String, at: Date,
    event: Int? = nil
  ) {
    self.old = old
    self.oldSkipReason = oldSkipReason
    self.new = new
    self.remark = remark
    self.by = by
    self.at = at
    self.event = event
  }
}
