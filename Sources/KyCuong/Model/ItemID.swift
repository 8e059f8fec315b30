/// The id of an item (`BADGE-01`): upper-case ASCII letters and digits joined by `-`, unique in its
/// checklist and stable across its versions.
///
/// A literal is an id: `audit.answer("BADGE-01", .pass)`. Ids are ASCII by rule, so two ids that look the
/// same are the same (no zero-width joiner, no Cyrillic look-alike); ``isWellFormed`` says whether an id
/// keeps the rule, and the checklist loader refuses one that does not.
public struct ItemID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// The id as written.
  public let rawValue: String

  /// An id from its text. It is not checked here: ``isWellFormed`` says whether it keeps the rule.
  ///
  /// - Parameter rawValue: The id as written (`BADGE-01`).
  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  /// An id from a literal.
  public init(stringLiteral value: String) {
    self.rawValue = value
  }

  /// The id as written.
  public var description: String { rawValue }

  /// Whether the id is upper-case ASCII letters and digits in non-empty parts joined by `-`.
  public var isWellFormed: Bool { Self.isWellFormed(rawValue) }

  /// Whether `text` is upper-case ASCII letters and digits in non-empty parts joined by `-`.
  ///
  /// - Parameter text: A candidate id.
  /// - Returns: `true` for an id such as `BADGE-01`; `false` for an empty text, a lower-case letter, any
  ///   other character, or a `-` at either end or next to another.
  public static func isWellFormed(_ text: String) -> Bool {
    var partLength = 0
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): partLength += 1
      case UInt8(ascii: "-"):
        guard partLength > 0 else { return false }
        partLength = 0
      default: return false
      }
    }
    return partLength > 0
  }

  /// Ids in the order of their text.
  public static func < (lhs: ItemID, rhs: ItemID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension ItemID: Codable {
  /// Reads the id from a JSON string.
  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  /// Writes the id as a JSON string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
