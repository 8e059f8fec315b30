import Foundation

/// Encodes an `Encodable` value straight into a ``JSONValue``: the value the strict reader (``JSONReader``)
/// parses from what `JSONEncoder` configured by ``JSONCoding/encoder(pretty:)`` writes, without the text in
/// between. A digest of an export needs the export as a JSON value (``CanonicalJSON``): encoding it to bytes
/// and parsing them back made a text nobody reads.
///
/// The same value means: the same members in the same objects (a key encoded twice keeps its last value, as
/// `JSONEncoder` does), the same strings, integers as the `Double` their digits parse to, `Double`s as they
/// are (`JSONEncoder` writes a `Double` in digits that read back to it), and times as ``Timestamp`` writes
/// them. Where `JSONEncoder` writes a value its own way (`Float`, `Data`, `URL`, `Decimal`), would throw (a
/// number that is not finite, a top-level value that encodes nothing) or would stop the program (one value
/// given two kinds of container), encoding stops with ``NeedsText``, and the caller encodes with
/// `JSONEncoder` and parses, as before: its answer, or its error, is then the one given.
package enum JSONValueEncoder {
  /// The value holds something only `JSONEncoder`'s text gives exactly (see the type's documentation).
  package struct NeedsText: Error {}

  /// `value` as a JSON value (object members in the order they were encoded).
  ///
  /// - Throws: ``NeedsText``, or an error the value's own `encode(to:)` throws.
  package static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
    let state = EncodingState()
    let root = EncoderNode(state: state, key: nil, parent: nil)
    let slot = try root.slot(for: value)
    // A top-level value that encodes nothing is an error of `JSONEncoder`'s.
    if case .node(let node) = slot, node.isEmpty { throw NeedsText() }
    guard !state.needsText else { throw NeedsText() }
    return slot.value
  }
}

/// What one encoding found that only `JSONEncoder` answers: set anywhere in the tree, read at the end
/// (`Encoder`'s container requests cannot throw).
private final class EncodingState {
  var needsText = false
}

/// A value being encoded: a scalar known at once, or a node whose containers are still being filled.
private enum Slot {
  case scalar(JSONValue)
  case node(EncoderNode)

  var value: JSONValue {
    switch self {
    case .scalar(let value): value
    case .node(let node): node.value
    }
  }
}

/// The encoder of one value and its storage: a single value, an object or an array, decided by the first
/// container asked for. Its coding path is a chain of parents, spelled out only when asked.
private final class EncoderNode: Encoder, SingleValueEncodingContainer, CodingPathNode {
  enum Kind {
    case empty
    case single
    case object
    case array
  }

  let state: EncodingState
  let key: (any CodingKey)?
  let parent: EncoderNode?
  var kind = Kind.empty
  var single = Slot.scalar(.null)
  var members: [(key: String, slot: Slot)] = []
  /// Member positions by key, built once an object is large enough for a linear search to cost more.
  var memberIndex: [String: Int]?
  var elements: [Slot] = []

  init(state: EncodingState, key: (any CodingKey)?, parent: EncoderNode?) {
    self.state = state
    self.key = key
    self.parent = parent
  }

  var codingPath: [any CodingKey] { chainedCodingPath }

  var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// Nothing was encoded into it.
  var isEmpty: Bool { kind == .empty }

  /// The value encoded; a value that asked for no container is an empty object, as in `JSONEncoder`.
  var value: JSONValue {
    switch kind {
    case .empty: .object([])
    case .single: single.value
    case .object: .object(members.map { ($0.key, $0.slot.value) })
    case .array: .array(elements.map(\.value))
    }
  }

  /// Makes this node `wanted`; a node already of another kind is one `JSONEncoder` would stop the program on.
  func become(_ wanted: Kind) {
    if kind == .empty {
      kind = wanted
    } else if kind != wanted || wanted == .single {
      state.needsText = true
    }
  }

  func child(_ key: any CodingKey) -> EncoderNode {
    EncoderNode(state: state, key: key, parent: self)
  }

  /// The slot of `value`, encoded by its own `encode(to:)` into a child under `key` (into this node when `key`
  /// is `nil`), or as `JSONEncoder` writes a time.
  func slot<T: Encodable>(for value: T, key: (any CodingKey)? = nil) throws -> Slot {
    if T.self == Date.self, let date = value as? Date {
      return .scalar(.string(Timestamp.string(from: date)))
    }
    if T.self == Data.self || T.self == URL.self || T.self == Decimal.self || T.self == Float.self {
      return Self.leftToTheText(state)
    }
    let node = key.map(child) ?? self
    try value.encode(to: node)
    if node !== self, node.kind == .single { return node.single }
    return .node(node)
  }

  func set(_ slot: Slot, forKey key: String) {
    if memberIndex == nil, members.count >= 16 {
      var index: [String: Int] = [:]
      for (position, member) in members.enumerated() { index[member.key] = position }
      memberIndex = index
    }
    if memberIndex != nil {
      if let position = memberIndex?[key] {
        members[position].slot = slot
        return
      }
      memberIndex?[key] = members.count
    } else if let position = members.firstIndex(where: { $0.key == key }) {
      members[position].slot = slot
      return
    }
    members.append((key, slot))
  }

  static func number(_ value: Double, state: EncodingState) -> Slot {
    value.isFinite ? .scalar(.number(value)) : leftToTheText(state)
  }

  /// A value only `JSONEncoder`'s text gives: the encoding is marked to be done by it, the slot a stand-in.
  static func leftToTheText(_ state: EncodingState) -> Slot {
    state.needsText = true
    return .scalar(.null)
  }

  // MARK: Encoder

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    become(.object)
    return KeyedEncodingContainer(KeyedContainer<Key>(node: self))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    become(.array)
    return UnkeyedContainer(node: self)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { self }

  // MARK: SingleValueEncodingContainer

  func put(_ slot: Slot) {
    become(.single)
    single = slot
  }

  func encodeNil() { put(.scalar(.null)) }
  func encode(_ value: Bool) { put(.scalar(.bool(value))) }
  func encode(_ value: String) { put(.scalar(.string(value))) }
  func encode(_ value: Double) { put(Self.number(value, state: state)) }
  func encode(_ value: Float) { put(Self.leftToTheText(state)) }
  func encode(_ value: Int) { put(.scalar(.number(Double(value)))) }
  func encode(_ value: Int8) { put(.scalar(.number(Double(value)))) }
  func encode(_ value: Int16) { put(.scalar(.number(Double(value)))) }
  func encode(_ value: Int32) { put(.scalar(.number(Double(value)))) }
  func encode(_ value: Int64) { put(.scalar(.number(Double(value)))) }
  func encode(_ value: UInt) { put(.scalar(.number(Double(value)))) }
  func encode(_ value: UInt8) { put(.scalar(.number(Double(value)))) }
  func encode(_ value: UInt16) { put(.scalar(.number(Double(value)))) }
  func encode(_ value: UInt32) { put(.scalar(.number(Double(value)))) }
  func encode(_ value: UInt64) { put(.scalar(.number(Double(value)))) }

  /// A value given whole to a single value container is encoded into this same node, as `JSONEncoder` does
  /// (a wrapper's value takes the wrapper's place).
  func encode<T: Encodable>(_ value: T) throws {
    guard kind == .empty else {
      state.needsText = true
      return
    }
    let encoded = try slot(for: value)
    if case .scalar = encoded { put(encoded) }
  }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: EncoderNode

  var codingPath: [any CodingKey] { node.codingPath }

  mutating func put(_ slot: Slot, _ key: Key) { node.set(slot, forKey: key.stringValue) }

  mutating func encodeNil(forKey key: Key) { put(.scalar(.null), key) }
  mutating func encode(_ value: Bool, forKey key: Key) { put(.scalar(.bool(value)), key) }
  mutating func encode(_ value: String, forKey key: Key) { put(.scalar(.string(value)), key) }
  mutating func encode(_ value: Double, forKey key: Key) {
    put(EncoderNode.number(value, state: node.state), key)
  }
  mutating func encode(_ value: Float, forKey key: Key) {
    put(EncoderNode.leftToTheText(node.state), key)
  }
  mutating func encode(_ value: Int, forKey key: Key) { put(.scalar(.number(Double(value))), key) }
  mutating func encode(_ value: Int8, forKey key: Key) { put(.scalar(.number(Double(value))), key) }
  mutating func encode(_ value: Int16, forKey key: Key) { put(.scalar(.number(Double(value))), key) }
  mutating func encode(_ value: Int32, forKey key: Key) { put(.scalar(.number(Double(value))), key) }
  mutating func encode(_ value: Int64, forKey key: Key) { put(.scalar(.number(Double(value))), key) }
  mutating func encode(_ value: UInt, forKey key: Key) { put(.scalar(.number(Double(value))), key) }
  mutating func encode(_ value: UInt8, forKey key: Key) { put(.scalar(.number(Double(value))), key) }
  mutating func encode(_ value: UInt16, forKey key: Key) { put(.scalar(.number(Double(value))), key) }
  mutating func encode(_ value: UInt32, forKey key: Key) { put(.scalar(.number(Double(value))), key) }
  mutating func encode(_ value: UInt64, forKey key: Key) { put(.scalar(.number(Double(value))), key) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    put(try node.slot(for: value, key: key), key)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let child = node.child(key)
    put(.node(child), key)
    return child.container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = node.child(key)
    put(.node(child), key)
    return child.unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let key = CodingPathKey(stringValue: "super")
    let child = node.child(key)
    node.set(.node(child), forKey: key.stringValue)
    return child
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    let child = node.child(key)
    put(.node(child), key)
    return child
  }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
  let node: EncoderNode

  var codingPath: [any CodingKey] { node.codingPath }
  var count: Int { node.elements.count }

  var nextKey: CodingPathKey { CodingPathKey(intValue: node.elements.count) }

  mutating func put(_ slot: Slot) { node.elements.append(slot) }

  mutating func encodeNil() { put(.scalar(.null)) }
  mutating func encode(_ value: Bool) { put(.scalar(.bool(value))) }
  mutating func encode(_ value: String) { put(.scalar(.string(value))) }
  mutating func encode(_ value: Double) { put(EncoderNode.number(value, state: node.state)) }
  mutating func encode(_ value: Float) { put(EncoderNode.leftToTheText(node.state)) }
  mutating func encode(_ value: Int) { put(.scalar(.number(Double(value)))) }
  mutating func encode(_ value: Int8) { put(.scalar(.number(Double(value)))) }
  mutating func encode(_ value: Int16) { put(.scalar(.number(Double(value)))) }
  mutating func encode(_ value: Int32) { put(.scalar(.number(Double(value)))) }
  mutating func encode(_ value: Int64) { put(.scalar(.number(Double(value)))) }
  mutating func encode(_ value: UInt) { put(.scalar(.number(Double(value)))) }
  mutating func encode(_ value: UInt8) { put(.scalar(.number(Double(value)))) }
  mutating func encode(_ value: UInt16) { put(.scalar(.number(Double(value)))) }
  mutating func encode(_ value: UInt32) { put(.scalar(.number(Double(value)))) }
  mutating func encode(_ value: UInt64) { put(.scalar(.number(Double(value)))) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    put(try node.slot(for: value, key: nextKey))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    let child = node.child(nextKey)
    put(.node(child))
    return child.container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let child = node.child(nextKey)
    put(.node(child))
    return child.unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let child = node.child(nextKey)
    put(.node(child))
    return child
  }
}
