import KyCuongModel
import KyCuongSupport

/// Why an answer does not fit an item; typed so that interfaces can say it in their own language.
public enum OutcomeProblem: Hashable, Sendable, CustomStringConvertible {
  /// An observation with a negative count.
  case negativeCount
  /// An observation of nobody ("0/0"), which would score nothing; the answer is "not applicable". Refused
  /// when recorded; audits recorded before the rule still read.
  case noneObserved
  /// An empty text answer.
  case emptyText
  /// More compliant people than observed ones.
  case compliantExceedsObserved(compliant: Int, observed: Int)
  /// A scale value outside 0…max.
  case outsideScale(value: Int, max: Int)
  /// An answer of another kind (`pass` for a scale item, say).
  case wrongKind(kind: ItemKind.Name, outcome: String)

  /// The problem in English.
  public var description: String {
    switch self {
    case .negativeCount: "counts must not be negative"
    case .noneObserved: "no one was observed (0/0); answer \"not applicable\" instead"
    case .emptyText: "the answer must not be empty"
    case .compliantExceedsObserved(let compliant, let observed):
      "compliant (\(compliant)) cannot exceed observed (\(observed))"
    case .outsideScale(let value, let max): "the value must be between 0 and \(max), found \(value)"
    case .wrongKind(let kind, let outcome):
      "\(withArticle(kind.rawValue)) item does not take \(withArticle(outcome)) answer"
    }
  }
}
