import Foundation
import KyCuongSupport

/// A dated text: an evidence note, the unit's explanation, a finding, a recommendation or the reason an
/// audit was reopened.
public struct Remark: Hashable, Sendable, Codable {
  /// The text.
  public var text: String
  /// Who recorded it: the person at the keyboard.
  public var by: String
  /// When.
  public var at: Date
  /// The sequence number of the event that recorded it, by which it can be withdrawn
  /// (``AuditEvent/Change/retracted(event:reason:)``); `nil` in exports made before entries had one.
  public var event: Int?
  /// Who said it, when that is not the recorder: the unit's representative, for an explanation.
  public var speaker: String?

  /// Creates a remark.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - by: Who recorded it.
  ///   - at: When.
  ///   - event: The sequence number of the event that recorded it.
  ///   - speaker: Who said it, when that is not the recorder.
  public init(text: String, by: String, at: Date, event: Int? = nil, speaker: String? = nil) {
    self.text = text
    self.by = by
    self.at = at
    self.event = event
    self.speaker = speaker
  }
}

extension Remark: ParsedValueDecodable {
  /// The remark as its synthesized `init(from:)` reads it, for one in the form exports write (see
  /// ``ParsedValueDecodable``); `nil` otherwise. Members are asked for in the order exports sort them.
  package init?(parsedValue json: JSONValue) {
    guard var member = MemberReader(json), let at = member("at")?.dateValue,
      let by = member("by")?.stringValue,
      let event = JSONValue.optional(member("event"), \.exactIntegerValue),
      let speaker = JSONValue.optional(member("speaker"), \.stringValue),
      let text = member("text")?.stringValue
    else { return nil }
    self.init(text: text, by: by, at: at, event: event, speaker: speaker)
  }
}
