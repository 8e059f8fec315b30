import Foundation

/// Where an item stands in an audit.
public enum ItemState: Hashable, Sendable {
  /// Not reviewed yet. Never folded into fail or not applicable.
  case unanswered
  /// Answered.
  case answered(Outcome)
  /// Not checked, with the reason.
  case skipped(reason: String)
}

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

  /// Creates an override record.
  public init(
    old: Outcome?, oldSkipReason: String? = nil, new: Outcome, remark: String?, by: String, at: Date
  ) {
    self.old = old
    self.oldSkipReason = oldSkipReason
    self.new = new
    self.remark = remark
    self.by = by
    self.at = at
  }
}

/// Everything recorded about one item: its state, evidence, the unit's explanations and its history.
public struct ItemRecord: Hashable, Sendable {
  /// The item's id.
  public var itemID: String
  /// Unanswered, answered or skipped.
  public var state: ItemState = .unanswered
  /// Remark given with the current answer.
  public var remark: String?
  /// Who gave the current answer or skip.
  public var by: String?
  /// When.
  public var at: Date?
  /// Evidence notes.
  public var notes: [Remark] = []
  /// Attached files.
  public var attachments: [Attachment] = []
  /// The unit's explanations.
  public var explanations: [Remark] = []
  /// Earlier answers, oldest first.
  public var history: [AnswerOverride] = []

  /// Creates an empty record for `itemID`.
  public init(itemID: String) {
    self.itemID = itemID
  }

  /// The current answer, if the item is answered.
  public var outcome: Outcome? {
    if case .answered(let outcome) = state { return outcome }
    return nil
  }
}
