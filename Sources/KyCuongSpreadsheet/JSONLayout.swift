import KyCuong
import KyCuongSupport

/// JSON laid out as the repository's checklist files are: two spaces of indentation; an object or array
/// on one line (`{ "vi": "…", "en": "…" }`, `["a", "b"]`) when that line fits in 120 characters and the
/// value nests at most two levels deep (an array of plain values counts as no level), otherwise one member
/// a line; strings with only `"`, `\` and control characters escaped, every other character as itself;
/// numbers as ECMAScript writes them (`1`, `0.5`).
enum JSONLayout {
  /// The widest line a value is put on whole, in Unicode scalars (as an editor counts characters).
  static let width = 120
  /// The deepest nesting a value put on one line may have.
  static let depth = 2

  /// `value` laid out, with no final line break.
  static func text(_ value: JSONValue) -> String {
    var output = ""
    write(value, indent: 0, lead: 0, trail: 0, into: &output)
    return output
  }

  /// Writes `value` where `lead` characters of its line are taken already (indentation and key) and
  /// `trail` will follow it (a comma).
  private static func write(_ value: JSONValue, indent: Int, lead: Int, trail: Int, into output: inout String)
  {
    let flat = inline(value)
    switch value {
    case .array(let elements) where !fits(value, flat: flat, lead: lead, trail: trail):
      let pad = String(repeating: " ", count: indent + 2)
      output += "[\n"
      for (index, element) in elements.enumerated() {
        let comma = index < elements.count - 1 ? 1 : 0
        output += pad
        write(element, indent: indent + 2, lead: indent + 2, trail: comma, into: &output)
        output += comma == 1 ? ",\n" : "\n"
      }
      output += String(repeating: " ", count: indent) + "]"
    case .object(let members) where !fits(value, flat: flat, lead: lead, trail: trail):
      let pad = String(repeating: " ", count: indent + 2)
      output += "{\n"
      for (index, member) in members.enumerated() {
        let comma = index < members.count - 1 ? 1 : 0
        let key = scalar(.string(member.key)) + ": "
        output += pad + key
        write(
          member.value, indent: indent + 2, lead: indent + 2 + key.unicodeScalars.count, trail: comma,
          into: &output)
        output += comma == 1 ? ",\n" : "\n"
      }
      output += String(repeating: " ", count: indent) + "}"
    default: output += flat
    }
  }

  private static func fits(_ value: JSONValue, flat: String, lead: Int, trail: Int) -> Bool {
    lead + flat.unicodeScalars.count + trail <= width && nesting(value) <= depth
  }

  /// How deep `value` nests: a plain value or an array of plain values 0, an object one more than its
  /// deepest member, an array of objects or arrays one more than its deepest element.
  static func nesting(_ value: JSONValue) -> Int {
    switch value {
    case .object(let members): 1 + (members.map { nesting($0.value) }.max() ?? 0)
    case .array(let elements):
      elements.allSatisfy(isPlain) ? 0 : 1 + (elements.map(nesting).max() ?? 0)
    default: 0
    }
  }

  private static func isPlain(_ value: JSONValue) -> Bool {
    switch value {
    case .object, .array: false
    default: true
    }
  }

  /// `value` on one line: `{ "a": 1, "b": [1, 2] }`, `[]`, `{}`.
  static func inline(_ value: JSONValue) -> String {
    switch value {
    case .object(let members):
      members.isEmpty
        ? "{}"
        : "{ " + members.map { scalar(.string($0.key)) + ": " + inline($0.value) }.joined(separator: ", ")
          + " }"
    case .array(let elements): "[" + elements.map(inline).joined(separator: ", ") + "]"
    default: scalar(value)
    }
  }

  /// A string, number, truth value or `null` as JSON: the canonical form (RFC 8785) of a plain value is
  /// exactly the file's.
  private static func scalar(_ value: JSONValue) -> String {
    // A plain value always has a canonical form but for a number that is not finite, which no checklist holds.
    guard let data = try? CanonicalJSON.data(value) else { return "null" }
    return String(decoding: data, as: UTF8.self)
  }
}
