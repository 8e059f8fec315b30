import Foundation
import KyCuongModel

/// Everything recorded about one item: its state, evidence, the unit's explanations and its history.
public struct ItemRecord: Hashable, Sendable {
  /// The item's id.
  public var itemID: ItemID
  /// Unanswered, answered or skipped.
  public var state: ItemState = .unanswered
  /// Remark given with the current answer.
  public var remark: String?
  /// Who gave the current answer or skip.
  public var by: String?
  /// When.
  public var at: Date?
  /// The sequence number of the event that gave the current answer or skip.
  public var event: Int?
  /// Evidence notes.
  public var notes: [Remark] = []
  /// Attached files.
  public var attachments: [Attachment] = []
  /// The unit's explanations.
  public var explanations: [Remark] = []
  /// Earlier answers, oldest first.
  public var history: [AnswerOverride] = []

  /// Creates an empty record for `itemID`.
  ///
  /// - Parameter itemID: The item.
  public init(itemID: ItemID) {
    self.itemID = itemID
  }

  /// The current answer, if the item is answered.
  public var outcome: Outcome? {
    if case .answered(let outcome) = state { return outcome }
    return nil
  }

  /// Takes a new answer or skip made by event `sequence`; an answer keeps the one it replaces in ``history``.
  mutating func take(
    _ new: ItemState, remark: String?, by author: String, at time: Date, event sequence: Int
  ) {
    if case .answered(let outcome) = new {
      switch state {
      case .unanswered: break
      case .answered(let old):
        history.append(
          AnswerOverride(old: old, new: outcome, remark: remark, by: author, at: time, event: sequence))
      case .skipped(let reason):
        history.append(
          AnswerOverride(
            old: nil, oldSkipReason: reason, new: outcome, remark: remark, by: author, at: time,
            event: sequence))
      }
    }
    state = new
    self.remark = remark
    by = author
    at = time
    event = sequence
  }
}
