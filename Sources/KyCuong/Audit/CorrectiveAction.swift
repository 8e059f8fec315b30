import Foundation
import KyCuongModel
import KyCuongSupport

/// A corrective action the unit must take ("biện pháp khắc phục"): what, who is responsible, by when.
public struct CorrectiveAction: Hashable, Sendable, Codable {
  /// What must be done.
  public var what: String
  /// Who is responsible.
  public var owner: String
  /// Deadline.
  public var due: CalendarDate
  /// The item it remedies, if any.
  public var item: ItemID?
  /// Who recorded it.
  public var by: String
  /// When.
  public var at: Date
  /// The sequence number of the event that recorded it, by which it can be withdrawn; `nil` in exports made
  /// before entries had one.
  public var event: Int?

  /// Creates a corrective action.
  ///
  /// - Parameters:
  ///   - what: What must be done.
  ///   - owner: Who is responsible.
  ///   - due: The deadline.
  ///   - item: The item it remedies, if any.
  ///   - by: Who recorded it.
  ///   - at: When.
  ///   - event: The sequence number of the event that recorded it.
  public init(
    what: String, owner: String, due: CalendarDate, item: ItemID? = nil, by: String, at: Date,
    event: Int? = nil
  ) {
    self.what = what
    self.owner = owner
    self.due = due
    self.item = item
    self.by = by
    self.at = at
    self.event = event
  }
}

extension CorrectiveAction: ParsedValueDecodable {
  /// The action as its synthesized `init(from:)` reads it, for one in the form exports write (see
  /// ``ParsedValueDecodable``); `nil` otherwise. Members are asked for in the order exports sort them.
  package init?(parsedValue json: JSONValue) {
    guard var member = MemberReader(json), let at = member("at")?.dateValue,
      let by = member("by")?.stringValue,
      let due = member("due")?.stringValue.flatMap(CalendarDate.init(_:)),
      let event = JSONValue.optional(member("event"), \.exactIntegerValue),
      let item = JSONValue.optional(member("item"), \.stringValue), let owner = member("owner")?.stringValue,
      let what = member("what")?.stringValue
    else { return nil }
    self.init(
      what: what, owner: owner, due: due, item: item.map(ItemID.init(_:)), by: by, at: at, event: event)
  }
}
