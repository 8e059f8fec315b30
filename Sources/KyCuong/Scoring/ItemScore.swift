extension Item {
  /// The item's score for `state`, in 0…1, or `nil` when it is not scored.
  ///
  /// pass 1; partial the checklist's partial credit; fail 0; observation *M*/*N* (no one observed: not
  /// scored); scale *v*/max; text, not applicable, skipped ("not checked") and unanswered: not scored.
  /// Unanswered is never folded into fail or not applicable.
  public func score(for state: ItemState, partialCredit: Double) -> Double? {
    guard case .answered(let outcome) = state else { return nil }
    switch (outcome, kind) {
    case (.pass, _): return 1
    case (.partial, _): return partialCredit
    case (.fail, _): return 0
    case (.notApplicable, _), (.text, _): return nil
    case (.observation(let compliant, let observed), _):
      return observed == 0 ? nil : Double(compliant) / Double(observed)
    case (.scale(let value), .scale(let max)):
      return Double(value) / Double(max)
    case (.scale, _):
      return nil
    }
  }
}
