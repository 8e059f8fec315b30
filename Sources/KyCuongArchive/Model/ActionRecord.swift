import Foundation

/// A corrective action of an archived audit ("biện pháp khắc phục").
public struct ActionRecord: Hashable, Sendable {
  /// Its place among the audit's actions, from 0.
  public var position: Int
  /// What must be done.
  public var what: String
  /// Who is responsible.
  public var owner: String
  /// The deadline, `YYYY-MM-DD`.
  public var due: String
  /// The item it remedies, if any.
  public var itemID: String?
  /// Who recorded it.
  public var recordedBy: String
  /// When.
  public var recordedAt: Date

  /// Creates an action.
  public init(
    position: Int, what: String, owner: String, due: String, itemID: String?, recordedBy: String,
    recordedAt: Date
  ) {
    self.position = position
    self.what = what
    self.owner = owner
    self.due = due
    self.itemID = itemID
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
  }
}
