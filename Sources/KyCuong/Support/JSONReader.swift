/// A strict JSON reader (RFC 8259) that reports where a document is malformed, by line and column.
package enum JSONReader {
  /// Why a document is not JSON, and where.
  package struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line.
    package var line: Int
    /// 1-based column, counted in characters.
    package var column: Int
    /// What is wrong.
    package var reason: String

    /// "line 3, column 14: expected ',' or '}' after an object member".
    package var description: String { "line \(line), column \(column): \(reason)" }
  }

  /// Nesting deeper than this is refused, so a hostile file cannot exhaust the stack.
  package static let maximumDepth = 256

  /// A parsed document, and whether a number in it says more in its text than in its `Double`.
  package struct Document: Sendable {
    /// The value.
    package var value: JSONValue
    /// Whether some number is one whose text a decoder of integers reads differently from its `Double`
    /// (`JSONDecoder` reads an `Int` from the digits): a whole number written with a fraction or an exponent
    /// (`3.0`, `1e2`, `1e-400`), a subnormal one, or one of 2^53 or more in magnitude. A reader that decodes
    /// from ``value`` hands such a document to `JSONDecoder` to give the same result.
    package var hasInexactNumbers: Bool
    /// Whether some object has a key twice (``JSONValue/firstDuplicateKey`` says where); when `false`, none
    /// has.
    package var hasDuplicateKeys: Bool
  }

  /// Parses `bytes` as one JSON document.
  package static func parse(_ bytes: some Collection<UInt8>) throws(SyntaxError) -> JSONValue {
    try parseDocument(bytes).value
  }

  /// Parses `bytes` as one JSON document, noting numbers whose text says more than their value.
  ///
  /// - Parameters:
  ///   - bytes: The document.
  ///   - memo: Values parsed before, given back where the same bytes come again (see ``JSONValueMemo``);
  ///     the result is the same with or without it.
  /// - Returns: The value, with the reader's notes about its numbers and keys.
  /// - Throws: ``SyntaxError`` saying where and why the bytes are not JSON.
  package static func parseDocument(
    _ bytes: some Collection<UInt8>, memo: JSONValueMemo? = nil
  ) throws(SyntaxError) -> Document {
    var parser = Parser(bytes: Array(bytes), memo: memo)
    parser.skipWhitespace()
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    if parser.index < parser.bytes.count {
      throw parser.error("unexpected text after the JSON document")
    }
    return Document(
      value: value, hasInexactNumbers: parser.hasInexactNumbers, hasDuplicateKeys: parser.hasDuplicateKeys)
  }

  /// Parses `text` as one JSON document.
  package static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
    try parse(Array(text.utf8))
  }
}

private struct Parser {
  let bytes: [UInt8]
  var index = 0
  /// See ``JSONReader/Document/hasInexactNumbers``.
  var hasInexactNumbers = false
  /// See ``JSONReader/Document/hasDuplicateKeys``.
  var hasDuplicateKeys = false
  /// Values parsed before, by the member they are the value of.
  let memo: JSONValueMemo?

  init(bytes: [UInt8], memo: JSONValueMemo?) {
    self.bytes = bytes
    self.memo = memo
    // A UTF-8 byte-order mark is not JSON, but editors on Windows write one; skip it.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  func error(_ reason: String, at position: Int? = nil) -> JSONReader.SyntaxError {
    let end = min(position ?? index, bytes.count)
    var line = 1
    var lineStart = 0
    for offset in 0..<end where bytes[offset] == UInt8(ascii: "\n") {
      line += 1
      lineStart = offset + 1
    }
    // Characters, not bytes or scalars: "thẻ" is three columns whether ẻ is one scalar or e and U+0309.
    let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
    return JSONReader.SyntaxError(line: line, column: column, reason: reason)
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  func describeNext() -> String {
    guard index < bytes.count else { return "the end of the file" }
    let byte = bytes[index]
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(String(byte, radix: 16, uppercase: true))"
  }

  /// Parses the value at `index`; `member` names the object member it is the value of, for messages.
  mutating func parseValue(depth: Int, member: String? = nil) throws(JSONReader.SyntaxError) -> JSONValue {
    guard depth < JSONReader.maximumDepth else {
      throw error("nesting deeper than \(JSONReader.maximumDepth) levels")
    }
    guard index < bytes.count else { throw error("expected a value, found the end of the file") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-") where !startsWithNonNumber(at: index + 1), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return try parseNumber(member: member)
    default:
      let of = member.map { " for \"\($0)\"" } ?? ""
      let hint =
        startsWithNonNumber(at: index) || startsWithNonNumber(at: index + 1)
        ? "; NaN and Infinity are not JSON numbers" : ""
      throw error("expected a value\(of), found \(describeNext())\(hint)")
    }
  }

  /// Whether the bytes at `position` spell `NaN` or `Infinity`, which some writers put where a number goes.
  func startsWithNonNumber(at position: Int) -> Bool {
    guard position < bytes.count else { return false }
    let rest = bytes[position...]
    return rest.starts(with: Array("NaN".utf8)) || rest.starts(with: Array("Infinity".utf8))
  }

  mutating func parseLiteral(
    _ word: String, _ value: JSONValue
  ) throws(JSONReader.SyntaxError)
    -> JSONValue
  {
    let length = word.utf8.count
    guard bytes.count - index >= length, bytes[index..<index + length].elementsEqual(word.utf8) else {
      throw error("expected a value, found \(describeNext())")
    }
    index += length
    return value
  }

  mutating func parseObject(depth: Int) throws(JSONReader.SyntaxError) -> JSONValue {
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    var seen: Set<String>?
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a member name in double quotes, found \(describeNext())")
      }
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after the member name \"\(key)\", found \(describeNext())")
      }
      index += 1
      skipWhitespace()
      // Keys compare as `String`s do, as ``JSONValue/firstDuplicateKey`` compares them: a few by looking,
      // many in a set (a file of one huge object must not cost the square of its size).
      if !hasDuplicateKeys {
        if members.count == 16 { seen = Set(members.map(\.key)) }
        if let known = seen {
          hasDuplicateKeys = known.contains(key)
          seen?.insert(key)
        } else {
          hasDuplicateKeys = members.contains { $0.key == key }
        }
      }
      if let memo, memo.members.contains(key) {
        members.append((key, try parseRemembered(depth: depth + 1, member: key, memo: memo)))
      } else {
        members.append((key, try parseValue(depth: depth + 1, member: key)))
      }
      skipWhitespace()
      guard index < bytes.count else { throw error("expected ',' or '}', found the end of the file") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      throw error("expected ',' or '}' after an object member, found \(describeNext())")
    }
  }

  /// The value at `index` as ``parseValue(depth:member:)`` gives it, taken from `memo` when its bytes are
  /// there, and kept in it when not: the notes made on the value alone are kept with it.
  mutating func parseRemembered(
    depth: Int, member: String, memo: JSONValueMemo
  ) throws(JSONReader.SyntaxError) -> JSONValue {
    let start = index
    if let known = bytes.withUnsafeBufferPointer({ memo.entry(matching: $0, at: start, depth: depth) }) {
      index += known.bytes.count
      hasInexactNumbers = hasInexactNumbers || known.hasInexactNumbers
      hasDuplicateKeys = hasDuplicateKeys || known.hasDuplicateKeys
      return known.value
    }
    let (inexactBefore, duplicatesBefore) = (hasInexactNumbers, hasDuplicateKeys)
    (hasInexactNumbers, hasDuplicateKeys) = (false, false)
    let value = try parseValue(depth: depth, member: member)
    if memo.keeps(size: index - start) {
      memo.keep(
        JSONValueMemo.Entry(
          bytes: Array(bytes[start..<index]), depth: depth, value: value,
          hasInexactNumbers: hasInexactNumbers, hasDuplicateKeys: hasDuplicateKeys))
    }
    hasInexactNumbers = hasInexactNumbers || inexactBefore
    hasDuplicateKeys = hasDuplicateKeys || duplicatesBefore
    return value
  }

  mutating func parseArray(depth: Int) throws(JSONReader.SyntaxError) -> JSONValue {
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw error("expected ',' or ']', found the end of the file") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      throw error("expected ',' or ']' after an array element, found \(describeNext())")
    }
  }

  mutating func parseNumber(member: String?) throws(JSONReader.SyntaxError) -> JSONValue {
    let start = index
    func digits(_ parser: inout Parser) -> Int {
      let from = parser.index
      while parser.index < parser.bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index])
      {
        parser.index += 1
      }
      return parser.index - from
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let integerStart = index
    let integerDigits = digits(&self)
    if integerDigits == 0 { throw error("expected digits in a number") }
    if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
      throw error("a number may not start with 0", at: integerStart)
    }
    var plainInteger = true
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      plainInteger = false
      if digits(&self) == 0 { throw error("expected digits after the decimal point") }
    }
    if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      index += 1
      plainInteger = false
      if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
        index += 1
      }
      if digits(&self) == 0 { throw error("expected digits in the exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      let of = member.map { " for \"\($0)\"" } ?? ""
      throw error("the number \(text)\(of) is out of range", at: start)
    }
    let magnitude = abs(value)
    if magnitude >= 9_007_199_254_740_992
      || (!plainInteger && (value == value.rounded() || magnitude < Double.leastNormalMagnitude))
    {
      hasInexactNumbers = true
    }
    return .number(value)
  }

  mutating func parseString() throws(JSONReader.SyntaxError) -> String {
    let start = index
    index += 1
    // The bytes between escapes are checked as they are passed, then taken as one run: most strings have no
    // escape at all, and are made from their bytes in one go.
    var scalars = String.UnicodeScalarView()
    var run = index
    while true {
      guard index < bytes.count else { throw error("unterminated string", at: start) }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        let text = String(decoding: bytes[run..<index], as: UTF8.self)
        index += 1
        if scalars.isEmpty { return text }
        scalars.append(contentsOf: text.unicodeScalars)
        return String(scalars)
      case UInt8(ascii: "\\"):
        scalars.append(contentsOf: String(decoding: bytes[run..<index], as: UTF8.self).unicodeScalars)
        defer { run = index }
        index += 1
        guard index < bytes.count else { throw error("unterminated string", at: start) }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          let first = try parseHex4()
          if (0xD800..<0xDC00).contains(first) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
              bytes[index + 1] == UInt8(ascii: "u")
            else { throw error("a high surrogate \\u escape must be followed by a low one") }
            index += 2
            let second = try parseHex4()
            guard (0xDC00..<0xE000).contains(second),
              let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            else { throw error("invalid surrogate pair in a \\u escape") }
            scalars.append(scalar)
          } else if let scalar = Unicode.Scalar(first) {
            scalars.append(scalar)
          } else {
            throw error("a lone low surrogate in a \\u escape")
          }
        default:
          throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: index - 2)
        }
      case 0x00..<0x20:
        throw error("control character 0x\(String(byte, radix: 16)) in a string; escape it")
      case 0x00..<0x80:
        index += 1
      default:
        _ = try parseUTF8Scalar()
      }
    }
  }

  mutating func parseHex4() throws(JSONReader.SyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("expected four hex digits after \\u") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("expected four hex digits after \\u")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  mutating func parseUTF8Scalar() throws(JSONReader.SyntaxError) -> Unicode.Scalar {
    let lead = bytes[index]
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF:
      length = 2
      value = UInt32(lead & 0x1F)
    case 0xE0...0xEF:
      length = 3
      value = UInt32(lead & 0x0F)
    case 0xF0...0xF4:
      length = 4
      value = UInt32(lead & 0x07)
    default: throw error("invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true))")
    }
    guard index + length <= bytes.count else { throw error("truncated UTF-8 sequence") }
    for offset in 1..<length {
      let byte = bytes[index + offset]
      guard byte & 0xC0 == 0x80 else {
        throw error("invalid UTF-8 sequence", at: index)
      }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    guard value >= minimum, let scalar = Unicode.Scalar(value) else {
      throw error("invalid UTF-8 sequence", at: index)
    }
    index += length
    return scalar
  }
}
