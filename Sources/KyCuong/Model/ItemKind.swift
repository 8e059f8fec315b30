/// The kind of answer an item takes.
public enum ItemKind: Hashable, Sendable {
  /// Pass, partial, fail or not applicable.
  case check
  /// *M* compliant of *N* observed: badge and dress checks sample the staff present.
  case observation
  /// An integer from 0 to `max`.
  case scale(max: Int)
  /// Free text, recorded and never scored.
  case text

  /// The name used in checklist files: `check`, `observation`, `scale` or `text`.
  public var name: String {
    switch self {
    case .check: "check"
    case .observation: "observation"
    case .scale: "scale"
    case .text: "text"
    }
  }

  /// The names a checklist file may use for `kind`.
  public static let names = ["check", "observation", "scale", "text"]
}

/// `word` after "a" or "an" for messages: "a check", "an observation".
func withArticle(_ word: String) -> String {
  guard let first = word.first, "aeiou".contains(first) else { return "a \(word)" }
  return "an \(word)"
}
