import Foundation
import KyCuongModel

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
  /// Yes (`yesNo`); never scored.
  case yes
  /// No (`yesNo`); never scored.
  case no

  /// The outcome's name in files: `pass`, `partial`, `fail`, `notApplicable`, `observation`, `scale`,
  /// `text`, `yes`, `no`.
  public var name: String {
    switch self {
    case .pass: "pass"
    case .partial: "partial"
    case .fail: "fail"
    case .notApplicable: "notApplicable"
    case .observation: "observation"
    case .scale: "scale"
    case .text: "text"
    case .yes: "yes"
    case .no: "no"
    }
  }

  /// The outcome as an answer a condition can test (a `check` or `yesNo` answer), if it is one.
  public var conditionOutcome: ConditionOutcome? {
    switch self {
    case .pass: .pass
    case .partial: .partial
    case .fail: .fail
    case .notApplicable: .notApplicable
    case .yes: .yes
    case .no: .no
    default: nil
    }
  }

  /// Why `self` is not an answer `kind` accepts, or `nil` when it is. Every answer recorded, and every
  /// answer an export claims, passes this check.
  ///
  /// - Parameter kind: The item's kind.
  /// - Returns: `nil` when `kind` takes the answer (not applicable fits every kind);
  ///   ``OutcomeProblem/wrongKind(kind:outcome:)`` for an answer of another kind; else what is wrong with
  ///   the value (an empty text, a negative or inconsistent count, a level outside the scale).
  public func problem(for kind: ItemKind) -> OutcomeProblem? {
    switch (self, kind) {
    case (.notApplicable, _), (.pass, .check), (.partial, .check), (.fail, .check), (.yes, .yesNo),
      (.no, .yesNo):
      return nil
    case (.text(let text), .text):
      return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .emptyText : nil
    case (.observation(let compliant, let observed), .observation):
      if compliant < 0 || observed < 0 { return .negativeCount }
      if compliant > observed { return .compliantExceedsObserved(compliant: compliant, observed: observed) }
      return nil
    case (.scale(let value), .scale(let max)):
      return (0...max).contains(value) ? nil : .outsideScale(value: value, max: max)
    default:
      return .wrongKind(kind: kind.name, outcome: name)
    }
  }
}
