/// When an item applies: an earlier `check` item has one of the given outcomes (like ODK's `relevant`).
public struct ApplicabilityCondition: Hashable, Sendable {
  /// The id of the controlling `check` item, which comes earlier in the checklist.
  public var item: String
  /// The outcomes of the controlling item for which this item applies.
  public var outcomes: [CheckOutcome]

  /// Creates a condition.
  public init(item: String, outcomes: [CheckOutcome]) {
    self.item = item
    self.outcomes = outcomes
  }
}

/// The outcome of a `check` item.
public enum CheckOutcome: String, CaseIterable, Hashable, Sendable, Codable {
  /// The rule is met.
  case pass
  /// The rule is partly met; scores the checklist's partial credit.
  case partial
  /// The rule is not met.
  case fail
  /// The rule does not apply here.
  case notApplicable
}
