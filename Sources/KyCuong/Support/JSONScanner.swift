#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A strict JSON scanner over bytes in memory, for readers that must be fast and must never accept what
/// ``JSONReader`` refuses.
///
/// It walks a document without building a tree: the caller asks for an object's members, an array's elements,
/// a string, a number, and skips what it does not need with ``skipValue(depth:)``, which still checks every
/// byte. Everything ``JSONReader`` refuses, the scanner refuses: text after the document, nesting of 256
/// levels, malformed UTF-8 and control characters in strings, bad escapes and lone surrogates, numbers that
/// break the grammar or overflow, and any key given twice in one object. It may refuse more: a key that is not
/// printable ASCII without escapes, an object of more than ``maximumKeys`` members, a number whose size it
/// cannot bound without converting it. A refusal means only "not certain": the caller then reads the document
/// with the full reader, which says what, if anything, is wrong.
///
/// Runs of plain text and of indentation are skipped eight bytes at a time.
package struct JSONScanner {
  /// A string value: where its text is, and whether it holds escapes or bytes outside ASCII.
  package struct StringToken: Sendable {
    /// The first byte of the text, after the opening quote.
    package var start: Int
    /// Just past the text, on the closing quote.
    package var end: Int
    /// Whether the text holds a backslash escape (its bytes are then not the string's UTF-8).
    package var escaped: Bool
  }

  /// A number: where its text is, and whether it is written as a plain integer (no fraction, no exponent).
  package struct NumberToken: Sendable {
    /// The first byte (a digit or `-`).
    package var start: Int
    /// Just past the last byte.
    package var end: Int
    /// Whether the text is `-`? and digits only.
    package var isInteger: Bool
  }

  /// An object member's key: printable ASCII, no escapes, so its bytes are the key.
  package struct Key {
    /// The first byte of the key, after its quote.
    package var start: Int
    /// Its length in bytes.
    package var count: Int
  }

  /// The most members an object may have here (the exports' largest have 18); a larger object is left to the
  /// full reader, whose duplicate check is linear.
  package static let maximumKeys = 64

  /// The first byte.
  package let base: UnsafePointer<UInt8>
  /// The number of bytes.
  package let end: Int
  /// The position of the next byte to read.
  package var index: Int
  /// Whether every number must also be one `JSONDecoder` reads as a `Double` (not one that is not zero but
  /// rounds to zero), as it must in a value read as ``JSONValue`` through `Decodable`.
  package var numbersAreDoubles = false
  /// The keys of the objects being read, innermost last, as (first eight bytes, start, count) triples.
  private var keys: [Int] = []

  /// A scanner of `count` bytes at `base`.
  ///
  /// - Parameters:
  ///   - base: The first byte.
  ///   - count: The number of bytes.
  package init(base: UnsafePointer<UInt8>, count: Int) {
    self.base = base
    self.end = count
    self.index = 0
    keys.reserveCapacity(256)
  }

  // MARK: - Bytes and white space

  /// The byte at `index`, or `nil` at the end.
  @inline(__always)
  package var current: UInt8? { index < end ? base[index] : nil }

  @inline(__always)
  private func word(at position: Int) -> UInt64 {
    UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
  }

  /// Moves past JSON white space (space, tab, line feed, carriage return); runs of spaces (indentation) eight
  /// bytes at a time.
  @inline(__always)
  package mutating func skipWhitespace() {
    var position = index
    while position < end {
      let byte = base[position]
      if byte == 0x20 {
        if position + 8 <= end {
          let others = word(at: position).littleEndian ^ 0x2020_2020_2020_2020
          position += others == 0 ? 8 : others.trailingZeroBitCount >> 3
        } else {
          position += 1
        }
      } else if byte == 0x0A || byte == 0x0D || byte == 0x09 {
        position += 1
      } else {
        break
      }
    }
    index = position
  }

  /// Moves past white space, then past `byte` if it is next.
  ///
  /// - Parameter byte: The byte expected.
  /// - Returns: Whether it was there.
  @inline(__always)
  package mutating func consume(_ byte: UInt8) -> Bool {
    skipWhitespace()
    guard index < end, base[index] == byte else { return false }
    index += 1
    return true
  }

  /// Reads one whole document: an optional UTF-8 byte-order mark (``JSONReader`` skips one), white space,
  /// the value that `body` reads at depth 0, white space, and nothing after.
  ///
  /// - Parameter body: Reads the value.
  /// - Returns: Whether the document is read and certain.
  package mutating func document(_ body: (inout JSONScanner) -> Bool) -> Bool {
    if end >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { index = 3 }
    skipWhitespace()
    guard body(&self) else { return false }
    skipWhitespace()
    return index == end
  }

  // MARK: - Containers

  /// Reads the object that starts at the next byte, at nesting `depth`: calls `member` for each key, with
  /// the scanner on the value (after white space), which `member` must read. Refuses a key given twice.
  ///
  /// - Parameters:
  ///   - depth: The object's depth (0 for the document itself).
  ///   - member: Reads one member's value at `depth + 1`; returns whether it could.
  /// - Returns: Whether the object is read and certain.
  package mutating func object(depth: Int, _ member: (inout JSONScanner, Key) -> Bool) -> Bool {
    guard depth < JSONReader.maximumDepth, consume(UInt8(ascii: "{")) else { return false }
    let first = keys.count
    defer { keys.removeSubrange(first...) }
    if consume(UInt8(ascii: "}")) { return true }
    while true {
      skipWhitespace()
      guard let key = scanKey(), consume(UInt8(ascii: ":")) else { return false }
      // Keys are compared by length and first eight bytes, then whole: each once in the object.
      let prefix = prefixWord(key)
      var position = first
      while position < keys.count {
        if keys[position] == prefix, keys[position + 2] == key.count,
          key.count <= 8 || memcmp(base + keys[position + 1], base + key.start, key.count) == 0
        {
          return false
        }
        position += 3
      }
      guard keys.count - first < 3 * Self.maximumKeys else { return false }
      keys.append(prefix)
      keys.append(key.start)
      keys.append(key.count)
      skipWhitespace()
      guard member(&self, key) else { return false }
      skipWhitespace()
      guard index < end else { return false }
      let next = base[index]
      index += 1
      if next == UInt8(ascii: "}") { return true }
      guard next == UInt8(ascii: ",") else { return false }
    }
  }

  /// The first eight bytes of `key` (fewer, padded with zeros) as one number.
  @inline(__always)
  private func prefixWord(_ key: Key) -> Int {
    var value: UInt64 = 0
    if key.start + 8 <= end {
      // A key is followed by its quote and more: the word read past a short key is masked off.
      value = word(at: key.start).littleEndian
      if key.count < 8 { value &= (1 << (8 * UInt64(key.count))) &- 1 }
    } else {
      for offset in 0..<min(8, key.count) {
        value |= UInt64(base[key.start + offset]) << (8 * UInt64(offset))
      }
    }
    return Int(bitPattern: UInt(value))
  }

  /// Reads the array that starts at the next byte, at nesting `depth`, calling `element` for each element
  /// with the scanner on it (after white space).
  ///
  /// - Parameters:
  ///   - depth: The array's depth.
  ///   - element: Reads one element at `depth + 1`; returns whether it could.
  /// - Returns: Whether the array is read and certain.
  package mutating func array(depth: Int, _ element: (inout JSONScanner) -> Bool) -> Bool {
    guard depth < JSONReader.maximumDepth, consume(UInt8(ascii: "[")) else { return false }
    if consume(UInt8(ascii: "]")) { return true }
    while true {
      skipWhitespace()
      guard element(&self) else { return false }
      skipWhitespace()
      guard index < end else { return false }
      let next = base[index]
      index += 1
      if next == UInt8(ascii: "]") { return true }
      guard next == UInt8(ascii: ",") else { return false }
    }
  }

  /// Checks and skips the value at the next byte, whatever it is, at nesting `depth`.
  ///
  /// - Parameter depth: The value's depth.
  /// - Returns: Whether it is well-formed and certain.
  package mutating func skipValue(depth: Int) -> Bool {
    skipWhitespace()
    guard depth < JSONReader.maximumDepth, index < end else { return false }
    switch base[index] {
    case UInt8(ascii: "{"): return object(depth: depth) { scanner, _ in scanner.skipValue(depth: depth + 1) }
    case UInt8(ascii: "["): return array(depth: depth) { scanner in scanner.skipValue(depth: depth + 1) }
    case UInt8(ascii: "\""): return scanString() != nil
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return scanNumber() != nil
    case UInt8(ascii: "t"): return literal("true")
    case UInt8(ascii: "f"): return literal("false")
    case UInt8(ascii: "n"): return literal("null")
    default: return false
    }
  }

  /// Moves past `word` (`true`, `false`, `null`) if it is next.
  ///
  /// - Parameter word: The literal.
  /// - Returns: Whether it was there.
  package mutating func literal(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard end - index >= count, memcmp(base + index, word.utf8Start, count) == 0 else { return false }
    index += count
    return true
  }

  /// Moves past `null` if it is next (after white space).
  package mutating func null() -> Bool {
    skipWhitespace()
    return index < end && base[index] == UInt8(ascii: "n") && literal("null")
  }

  // MARK: - Keys

  /// Whether `key` is `name`.
  ///
  /// - Parameters:
  ///   - key: A key read by ``object(depth:_:)``.
  ///   - name: A member name.
  @inline(__always)
  package func matches(_ key: Key, _ name: StaticString) -> Bool {
    matches(key.start, key.count, name)
  }

  /// Whether the `count` bytes at `start` are `name`'s.
  @inline(__always)
  package func matches(_ start: Int, _ count: Int, _ name: StaticString) -> Bool {
    guard count == name.utf8CodeUnitCount else { return false }
    let other = name.utf8Start
    for offset in 0..<count where base[start + offset] != other[offset] { return false }
    return true
  }

  /// The key at `index` (on its quote): printable ASCII without `"` or `\`, so that its bytes are the key and
  /// two keys are equal exactly when their bytes are.
  private mutating func scanKey() -> Key? {
    guard index < end, base[index] == UInt8(ascii: "\"") else { return nil }
    let start = index + 1
    var position = start
    while position < end {
      let byte = base[position]
      if byte == UInt8(ascii: "\"") {
        index = position + 1
        return Key(start: start, count: position - start)
      }
      guard byte &- 0x20 < 0x5F, byte != UInt8(ascii: "\\") else { return nil }
      position += 1
    }
    return nil
  }
}
