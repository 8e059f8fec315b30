/// A JSON document as a tree, with object members in file order so duplicate keys can be reported.
///
/// The catalog reads checklists through this type rather than `Decodable`, so that validation can walk the
/// whole document, collect every problem with its JSON path, and report unknown fields.
public enum JSONValue: Hashable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number.
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, members in file order (duplicates kept).
  case object([(key: String, value: JSONValue)])

  /// The member named `key` of an object (the first one, if the key is duplicated).
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// A name for the value's type, for error messages: `object`, `array`, `string`, `number`, `boolean`, `null`.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// Whether two values are equal, object members compared in order.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  /// Hashes the value, object members in order.
  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let value): hasher.combine(value)
    case .number(let value): hasher.combine(value)
    case .string(let value): hasher.combine(value)
    case .array(let values): hasher.combine(values)
    case .object(let members):
      for member in members {
        hasher.combine(member.key)
        hasher.combine(member.value)
      }
    }
  }
}

extension JSONValue {
  /// The first key that occurs twice in one object anywhere in the value, as a JSON path (`items[3].id`), or
  /// `nil` when none does. A reader that kept one of two values silently would let a file say two things.
  package var firstDuplicateKey: String? {
    var path: [PathStep] = []
    return Self.firstDuplicateKey(in: self, path: &path)
  }

  /// A step of the path to the value being looked at; the path is spelled out only for the duplicate found.
  private enum PathStep {
    case key(String)
    case index(Int)
  }

  private static func firstDuplicateKey(in value: JSONValue, path: inout [PathStep]) -> String? {
    switch value {
    case .object(let members):
      // Keys compare as `String`s do (canonically equivalent spellings are one key), in a set only when
      // there are many: a few comparisons cost less than hashing.
      var seen = Set<String>()
      let hashed = members.count > 8
      for (position, member) in members.enumerated() {
        let twice =
          hashed
          ? !seen.insert(member.key).inserted
          : members[..<position].contains { $0.key == member.key }
        path.append(.key(member.key))
        defer { path.removeLast() }
        if twice { return spelled(path) }
        if let found = firstDuplicateKey(in: member.value, path: &path) { return found }
      }
      return nil
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        path.append(.index(index))
        defer { path.removeLast() }
        if let found = firstDuplicateKey(in: element, path: &path) { return found }
      }
      return nil
    default: return nil
    }
  }

  /// `items[3].id`.
  private static func spelled(_ path: [PathStep]) -> String {
    var text = ""
    for step in path {
      switch step {
      case .key(let key): text += text.isEmpty ? key : ".\(key)"
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }
}
