import KyCuongAudit
import KyCuongModel

extension Item {
  /// The item's score for `state`, in 0…1, or `nil` when it is not scored.
  ///
  /// pass 1; partial the checklist's partial credit; fail 0; observation *M*/*N* (no one observed: not
  /// scored); scale *v*/max; text, yes/no, not applicable, skipped ("not checked") and unanswered: not
  /// scored. Unanswered is never folded into fail or not applicable. An answer that does not fit the item's
  /// kind (which no audit accepts and no export reader lets through) is not scored either, so a score is
  /// always in 0…1.
  ///
  /// - Parameters:
  ///   - state: The item's state.
  ///   - partialCredit: The checklist's credit for `partial`.
  /// - Returns: The score in 0…1, or `nil`.
  public func score(for state: ItemState, partialCredit: Double) -> Double? {
    guard case .answered(let outcome) = state, kind.isScored, outcome.problem(for: kind) == nil else {
      return nil
    }
    switch outcome {
    case .pass: return 1
    case .partial: return partialCredit
    case .fail: return 0
    case .notApplicable, .text, .yes, .no: return nil
    case .observation(let compliant, let observed):
      return observed == 0 ? nil : Double(compliant) / Double(observed)
    case .scale(let value):
      guard case .scale(let max) = kind else { return nil }
      return Double(value) / Double(max)
    }
  }
}
