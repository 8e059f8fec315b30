import Foundation
import KyCuong

/// A corrective action of an archived audit ("biện pháp khắc phục").
public struct ActionRecord: Hashable, Sendable {
  /// Its place among the audit's actions, from 0.
  public var position: Int
  /// What must be done.
  public var what: String
  /// Who is responsible.
  public var owner: String
  /// The deadline.
  public var due: CalendarDate
  /// The item it remedies, if any.
  public var itemID: ItemID?
  /// Who recorded it.
  public var recordedBy: String
  /// When.
  public var recordedAt: Date

  /// Creates an action.
  ///
  /// - Parameters:
  ///   - position: Its place among the audit's actions, from 0.
  ///   - what: What must be done.
  ///   - owner: Who is responsible.
  ///   - due: The deadline.
  ///   - itemID: The item it remedies, if any.
  ///   - recordedBy: Who recorded it.
  ///   - recordedAt: When.
  public init(
    position: Int, what: String, owner: String, due: CalendarDate, itemID: ItemID?, recordedBy: String,
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
