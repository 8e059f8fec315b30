import Foundation

/// A type ``JSONValueDecoder`` can take straight from a parsed value, without asking a `Decoder` for each
/// member: for the values there are most of (an export's items), where the `Decodable` machinery costs more
/// than the reading.
///
/// ``init(parsedValue:)`` is a shortcut, never a second reader: it gives a value only for a JSON value it reads
/// exactly as `JSONDecoder` (configured by ``JSONCoding/decoder()``) reads the same text — every member the
/// type's `init(from:)` asks for, found as it finds them (the first of a name, compared as `String`s), of the
/// kind it takes — and `nil` for anything else: a member missing or of another kind, a number only the text
/// gives exactly. `nil` sends the value through `init(from:)`, which gives the value or the error, at its
/// coding path. The tests hold each shortcut to `JSONDecoder` on every value they read and on altered ones.
package protocol ParsedValueDecodable: Decodable {
  /// The value `json` holds, when it is in the form this shortcut reads; else `nil` (see the protocol).
  init?(parsedValue json: JSONValue)
}

/// An object's members read by a shortcut (``ParsedValueDecodable``), found as the decoders find them: the
/// first of the name, compared as `String`s.
///
/// Asked for in the order the file gives them (exports sort their keys), each is the member at a cursor that
/// moves past it: the members before the cursor are the ones asked for before, of other names, so the one
/// at the cursor is the first of its name. Any other name is searched for from the start.
package struct MemberReader {
  private let members: [(key: String, value: JSONValue)]
  private var next = 0

  /// The members of `json`, `nil` when it is not an object.
  package init?(_ json: JSONValue) {
    guard case .object(let members) = json else { return nil }
    self.members = members
  }

  /// The first member named `name`, `nil` when there is none.
  package mutating func callAsFunction(_ name: String) -> JSONValue? {
    if next < members.count, members[next].key == name {
      next += 1
      return members[next - 1].value
    }
    return members.first { $0.key == name }?.value
  }
}

// How the shortcuts read values.
extension JSONValue {
  /// The string, or `nil` for any other kind.
  package var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The number, or `nil` for any other kind.
  package var numberValue: Double? {
    if case .number(let number) = self { return number }
    return nil
  }

  /// The boolean, or `nil` for any other kind.
  package var boolValue: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  /// The number as an `Int` when its `Double` gives the integer exactly, as ``JSONValueDecoder`` reads
  /// integers (``exactInteger(_:)``); `nil` otherwise.
  package var exactIntegerValue: Int? { exactInteger(Int.self) }

  /// The number as a `T` when its `Double` gives the integer exactly: whole, below 2^53 in magnitude (above,
  /// only the text says which integer it is) and in `T`'s range; `nil` otherwise.
  package func exactInteger<T: FixedWidthInteger>(_ type: T.Type) -> T? {
    guard case .number(let number) = self, abs(number) < 9_007_199_254_740_992 else { return nil }
    return T(exactly: number)
  }

  /// A time as ``JSONCoding/date(from:)`` reads it: a string ``Timestamp/date(from:)`` gives a time for.
  package var dateValue: Date? { stringValue.flatMap(Timestamp.date(from:)) }

  /// An optional member as `decodeIfPresent` reads it: `.some(nil)` when `member` is absent or `null`,
  /// `.some(value)` when `read` gives one, `nil` (not the shortcut's form) when `read` gives none.
  @inlinable package static func optional<T>(_ member: JSONValue?, _ read: (JSONValue) -> T?) -> T?? {
    guard let member, member != .null else { return .some(nil) }
    guard let value = read(member) else { return nil }
    return .some(value)
  }

  /// An array member whose elements `read` all give; `nil` when `member` is absent, not an array, or an
  /// element gives none.
  @inlinable package static func array<T>(_ member: JSONValue?, _ read: (JSONValue) -> T?) -> [T]? {
    guard case .array(let elements)? = member else { return nil }
    var values: [T] = []
    values.reserveCapacity(elements.count)
    for element in elements {
      guard let value = read(element) else { return nil }
      values.append(value)
    }
    return values
  }

  /// The value decoded as `type` by the full decoder (``JSONValueDecoder``), `nil` when that throws: for the
  /// members a shortcut leaves to it. Decoding is the same wherever the value sits; only an error's coding
  /// path depends on it, and a `nil` sends the whole value through `init(from:)`, which gives the error.
  package func decoded<T: Decodable>(as type: T.Type) -> T? {
    try? JSONValueDecoder.decode(type, from: self)
  }
}
