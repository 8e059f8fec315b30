/// Decides which items apply, from their `applicableWhen` and the answers given so far.
///
/// An item applies when it has no condition, or when its controlling item itself applies and is answered
/// with one of the condition's outcomes. An unanswered, skipped or non-applicable controller means the item
/// does not apply (yet). Scoring, completeness and finishing all use this one rule.
public struct Applicability: Sendable {
  private var applicable: [String: Bool] = [:]

  /// Evaluates every item of `checklist` against `states` (item id → state; missing means unanswered).
  public init(checklist: Checklist, states: [String: ItemState]) {
    // Controllers come earlier in the checklist (the validator enforces it), so one pass in order suffices.
    for item in checklist.items {
      guard let condition = item.applicableWhen else {
        applicable[item.id] = true
        continue
      }
      let controllerApplies = applicable[condition.item] ?? false
      if controllerApplies, case .answered(let outcome)? = states[condition.item],
        let checkOutcome = outcome.checkOutcome
      {
        applicable[item.id] = condition.outcomes.contains(checkOutcome)
      } else {
        applicable[item.id] = false
      }
    }
  }

  /// Whether the item with `itemID` applies.
  public func isApplicable(_ itemID: String) -> Bool { applicable[itemID] ?? false }
}

extension ApplicabilityCondition {
  /// The condition in words, for messages: `POST-00 is pass or partial`.
  public var summary: String {
    "\(item) is \(outcomes.map(\.rawValue).joined(separator: " or "))"
  }
}
