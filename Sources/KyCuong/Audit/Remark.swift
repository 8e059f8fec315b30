import Foundation

/// A dated text written by an inspector: an evidence note, the unit's explanation, a finding or a
/// recommendation.
public struct Remark: Hashable, Sendable, Codable {
  /// The text.
  public var text: String
  /// Who wrote it.
  public var by: String
  /// When.
  public var at: Date

  /// Creates a remark.
  public init(text: String, by: String, at: Date) {
    self.text = text
    self.by = by
    self.at = at
  }
}
