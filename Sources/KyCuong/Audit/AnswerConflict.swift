import Foundation
import KyCuongModel

/// An item of a merged team audit that its devices answered differently, with no resolution settling it:
/// it counts as open, and `finish` refuses, until the leader resolves it
/// (``AuditEvent/Change/resolved(item:outcome:reason:settles:)``).
public struct AnswerConflict: Hashable, Sendable {
  /// The item.
  public var item: ItemID
  /// Each device's current answer or skip, in merged order: at least two, not all the same.
  public var answers: [Answer]

  /// Creates a conflict.
  ///
  /// - Parameters:
  ///   - item: The item.
  ///   - answers: The devices' answers.
  public init(item: ItemID, answers: [Answer]) {
    self.item = item
    self.answers = answers
  }

  /// The references a resolution settles: every answer of the conflict.
  public var references: [EventReference] { answers.map(\.reference) }

  /// One device's current answer or skip of the item.
  public struct Answer: Hashable, Sendable {
    /// Where it was recorded.
    public var reference: EventReference
    /// Its sequence number in the merged audit.
    public var event: Int
    /// Who recorded it.
    public var recorder: String
    /// When.
    public var time: Date
    /// The answer, or the skip and its reason.
    public var state: ItemState
    /// The remark given with it.
    public var remark: String?

    /// Creates an answer of a conflict.
    ///
    /// - Parameters:
    ///   - reference: Where it was recorded.
    ///   - event: Its merged sequence number.
    ///   - recorder: Who recorded it.
    ///   - time: When.
    ///   - state: The answer or skip.
    ///   - remark: Its remark.
    public init(
      reference: EventReference, event: Int, recorder: String, time: Date, state: ItemState, remark: String?
    ) {
      self.reference = reference
      self.event = event
      self.recorder = recorder
      self.time = time
      self.state = state
      self.remark = remark
    }
  }
}
