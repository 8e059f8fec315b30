import Foundation

/// Decodes a `Decodable` value from a ``JSONValue`` the strict reader (``JSONReader``) parsed, as
/// `JSONDecoder` configured by ``JSONCoding/decoder()`` decodes it from the document's bytes: the same value,
/// or the same `DecodingError` (kind and coding path, and the description where a type gives its own), so a
/// document is parsed once.
///
/// Where only the text gives the exact answer, decoding stops with ``NeedsText`` and the caller decodes the
/// bytes with `JSONDecoder`: an integer whose `Double` is not whole or is 2^53 or more in magnitude
/// (`JSONDecoder` reads integers from the digits), and `Float`, `Data`, `URL` and `Decimal`, which it reads its
/// own way. A document whose numbers may read differently as text (``JSONReader/Document/hasInexactNumbers``)
/// is decoded from its bytes from the start.
package enum JSONValueDecoder {
  /// The value asked for is one only the document's text gives exactly (see the type's documentation).
  package struct NeedsText: Error {}

  /// Decodes `type` from `value`.
  ///
  /// - Throws: A `DecodingError` as `JSONDecoder` throws it, or ``NeedsText``.
  package static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
    try ValueDecoder(value, key: nil, parent: nil).decode(T.self)
  }

  /// Decodes `type` from `document`, which the strict reader parsed from `data`: from the parsed value where
  /// that gives `JSONDecoder`'s answer, else from the bytes by `decoder` (a document with inexact numbers, or
  /// ``NeedsText``), so that the result is always what `decoder` gives for `data`.
  ///
  /// - Throws: The `DecodingError` that `decoder` throws for `data`.
  package static func decode<T: Decodable>(
    _ type: T.Type, from document: JSONReader.Document, data: Data, decoder: @autoclosure () -> JSONDecoder
  ) throws -> T {
    if !document.hasInexactNumbers {
      do {
        return try decode(T.self, from: document.value)
      } catch is NeedsText {
        // Only the text answers: decoded from the bytes below.
      }
    }
    return try decoder().decode(T.self, from: data)
  }

  /// The value `decoder` decodes from, when it is one of this kind's: a type can then take the value as it
  /// is rather than asking for it piece by piece (object members sorted by key, as `JSONDecoder` gives them
  /// through `allKeys`).
  package static func parsedValue(of decoder: any Decoder) -> JSONValue? {
    (decoder as? ValueDecoder)?.value
  }
}

/// A decoder over one value; its coding path is kept as a chain of parents, spelled out only when asked.
private final class ValueDecoder: Decoder, SingleValueDecodingContainer, CodingPathNode {
  let value: JSONValue
  let key: (any CodingKey)?
  let parent: ValueDecoder?

  init(_ value: JSONValue, key: (any CodingKey)?, parent: ValueDecoder?) {
    self.value = value
    self.key = key
    self.parent = parent
  }

  var codingPath: [any CodingKey] { chainedCodingPath }

  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func child(_ value: JSONValue, key: any CodingKey) -> ValueDecoder {
    ValueDecoder(value, key: key, parent: self)
  }

  // MARK: Errors, in JSONDecoder's words

  func mismatch(_ type: Any.Type) -> DecodingError {
    if case .null = value {
      return .valueNotFound(
        type,
        DecodingError.Context(
          codingPath: codingPath,
          debugDescription: "Cannot get value of type \(type) -- found null value instead"))
    }
    return .typeMismatch(
      type,
      DecodingError.Context(
        codingPath: codingPath,
        debugDescription: "Expected to decode \(type) but found \(value.typeName) instead."))
  }

  // MARK: Decoder

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else { throw mismatch([String: Any].self) }
    return KeyedDecodingContainer(KeyedContainer<Key>(members: members, decoder: self))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value else { throw mismatch([Any].self) }
    return UnkeyedContainer(elements: elements, decoder: self)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

  // MARK: Values

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    if T.self == Date.self, let date = try JSONCoding.date(from: self) as? T { return date }
    if T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
      throw JSONValueDecoder.NeedsText()
    }
    return try T(from: self)
  }

  func decodeNil() -> Bool {
    if case .null = value { return true }
    return false
  }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard case .bool(let flag) = value else { throw mismatch(type) }
    return flag
  }

  func decode(_ type: String.Type) throws -> String {
    guard case .string(let text) = value else { throw mismatch(type) }
    return text
  }

  func decode(_ type: Double.Type) throws -> Double {
    guard case .number(let number) = value else { throw mismatch(type) }
    return number
  }

  func decode(_ type: Float.Type) throws -> Float {
    guard case .number = value else { throw mismatch(type) }
    throw JSONValueDecoder.NeedsText()
  }

  /// An integer: exact in the `Double` below 2^53, else only the text says.
  func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    guard case .number = value else { throw mismatch(type) }
    guard let exact = value.exactInteger(T.self) else { throw JSONValueDecoder.NeedsText() }
    return exact
  }

  func decode(_ type: Int.Type) throws -> Int { try integer(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let members: [(key: String, value: JSONValue)]
  let decoder: ValueDecoder

  var codingPath: [any CodingKey] { decoder.codingPath }

  var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

  func contains(_ key: Key) -> Bool { index(of: key.stringValue) != nil }

  /// The position of the first member named `name` (compared as `String`s are, as `JSONDecoder` finds keys).
  func index(of name: String) -> Int? { members.firstIndex { $0.key == name } }

  /// The member's decoder, or the error `JSONDecoder` gives for a member that is not there.
  func member(_ key: Key) throws -> ValueDecoder {
    let name = key.stringValue
    guard let member = index(of: name).map({ members[$0] }) else {
      throw DecodingError.keyNotFound(
        key,
        DecodingError.Context(
          codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(name)\")."))
    }
    return decoder.child(member.value, key: key)
  }

  func decodeNil(forKey key: Key) throws -> Bool { try member(key).decodeNil() }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(key).decode(type) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(key).decode(type) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(key).decode(type) }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(key).decode(type) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(key).integer(type) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(key).integer(type) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(key).integer(type) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(key).integer(type) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(key).integer(type) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(key).integer(type) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(key).integer(type) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(key).integer(type) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(key).integer(type) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(key).integer(type) }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try member(key).decode(type) }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type, forKey key: Key
  ) throws -> KeyedDecodingContainer<NestedKey> {
    try member(key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try member(key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    let key = CodingPathKey(stringValue: "super")
    return decoder.child(members.first { $0.key == key.stringValue }?.value ?? .null, key: key)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder {
    decoder.child(members.first { $0.key == key.stringValue }?.value ?? .null, key: key)
  }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
  let elements: [JSONValue]
  let decoder: ValueDecoder
  var currentIndex = 0

  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  /// The next element's decoder, moving past it, or the error `JSONDecoder` gives at the end.
  mutating func next(_ type: Any.Type) throws -> ValueDecoder {
    let key = CodingPathKey(intValue: currentIndex)
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        type,
        DecodingError.Context(
          codingPath: codingPath + [key as any CodingKey], debugDescription: "Unkeyed container is at end."))
    }
    defer { currentIndex += 1 }
    return decoder.child(elements[currentIndex], key: key)
  }

  mutating func decodeNil() throws -> Bool {
    // At the end, `next` throws what JSONDecoder throws there.
    if isAtEnd { _ = try next(Any?.self) }
    guard case .null = elements[currentIndex] else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).decode(type) }
  mutating func decode(_ type: String.Type) throws -> String { try next(type).decode(type) }
  mutating func decode(_ type: Double.Type) throws -> Double { try next(type).decode(type) }
  mutating func decode(_ type: Float.Type) throws -> Float { try next(type).decode(type) }
  mutating func decode(_ type: Int.Type) throws -> Int { try next(type).integer(type) }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).integer(type) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).integer(type) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).integer(type) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).integer(type) }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).integer(type) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).integer(type) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).integer(type) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).integer(type) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).integer(type) }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    // The elements of an array are where there are many values of one type (an export's items): there, a
    // type that reads itself from the parsed value does (see ``ParsedValueDecodable``), giving only what
    // `init(from:)` would give. Asked only here, since asking costs a conformance lookup.
    if currentIndex < elements.count, let shortcut = T.self as? any ParsedValueDecodable.Type,
      let decoded = shortcut.init(parsedValue: elements[currentIndex]) as? T
    {
      currentIndex += 1
      return decoded
    }
    return try next(type).decode(type)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type
  ) throws -> KeyedDecodingContainer<NestedKey> {
    try next([String: Any].self).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try next([Any].self).unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
}
