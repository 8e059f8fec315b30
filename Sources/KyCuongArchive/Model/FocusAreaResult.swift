/// An archived audit's score in one focus area (a tag such as `focus-2017-2`).
public struct FocusAreaResult: Hashable, Sendable {
  /// The tag.
  public var tag: String
  /// Score 0…100, re-derived; `nil` when none of its items has a score.
  public var score: Double?
  /// Number of its items with a score.
  public var scoredItems: Int

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - tag: The focus area's tag.
  ///   - score: Its score 0…100, `nil` when none of its items is scored.
  ///   - scoredItems: Its items with a score.
  public init(tag: String, score: Double?, scoredItems: Int) {
    self.tag = tag
    self.score = score
    self.scoredItems = scoredItems
  }
}
