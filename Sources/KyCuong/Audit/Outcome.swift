/// The answer an inspector gives to an item.
public enum Outcome: Hashable, Sendable {
  /// The rule is met (`check`).
  case pass
  /// The rule is partly met (`check`); scores the checklist's partial credit.
  case partial
  /// The rule is not met (`check`).
  case fail
  /// The rule does not apply here (any kind); never scored.
  case notApplicable
  /// `compliant` of `observed` sampled people meet the rule (`observation`); 0 observed means not applicable.
  case observation(compliant: Int, observed: Int)
  /// A value on the item's scale, 0…max (`scale`).
  case scale(Int)
  /// Free text (`text`); recorded, never scored.
  case text(String)

  /// The outcome's name in files: `pass`, `partial`, `fail`, `notApplicable`, `observation`, `scale`, `text`.
  public var name: String {
    switch self {
    case .pass: "pass"
    case .partial: "partial"
    case .fail: "fail"
    case .notApplicable: "notApplicable"
    case .observation: "observation"
    case .scale: "scale"
    case .text: "text"
    }
  }

  /// The outcome as a `check` outcome, if it is one.
  public var checkOutcome: CheckOutcome? {
    switch self {
    case .pass: .pass
    case .partial: .partial
    case .fail: .fail
    case .notApplicable: .notApplicable
    default: nil
    }
  }

  /// Why `self` is not an answer `kind` accepts, or `nil` when it is.
  public func problem(for kind: ItemKind) -> OutcomeProblem? {
    switch (self, kind) {
    case (.notApplicable, _), (.pass, .check), (.partial, .check), (.fail, .check), (.text, .text):
      return nil
    case (.observation(let compliant, let observed), .observation):
      if compliant < 0 || observed < 0 { return .negativeCount }
      if compliant > observed { return .compliantExceedsObserved(compliant: compliant, observed: observed) }
      return nil
    case (.scale(let value), .scale(let max)):
      return (0...max).contains(value) ? nil : .outsideScale(value: value, max: max)
    default:
      return .wrongKind(kind: kind, outcome: name)
    }
  }
}

/// Why an answer does not fit an item; typed so that interfaces can say it in their own language.
public enum OutcomeProblem: Hashable, Sendable, CustomStringConvertible {
  /// An observation with a negative count.
  case negativeCount
  /// More compliant people than observed ones.
  case compliantExceedsObserved(compliant: Int, observed: Int)
  /// A scale value outside 0…max.
  case outsideScale(value: Int, max: Int)
  /// An answer of another kind (`pass` for a scale item, say).
  case wrongKind(kind: ItemKind, outcome: String)

  /// The problem in English.
  public var description: String {
    switch self {
    case .negativeCount: "counts must not be negative"
    case .compliantExceedsObserved(let compliant, let observed):
      "compliant (\(compliant)) cannot exceed observed (\(observed))"
    case .outsideScale(let value, let max): "the value must be between 0 and \(max), found \(value)"
    case .wrongKind(let kind, let outcome):
      "\(withArticle(kind.name)) item does not take \(withArticle(outcome)) answer"
    }
  }
}
