#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension JSONScanner {
  /// Reads the string at the next byte (after white space), checking it as ``JSONReader`` does: no control
  /// character, valid escapes, surrogates in pairs, well-formed UTF-8 (no overlong form, no surrogate, nothing
  /// past U+10FFFF: escapes are ASCII, so the text's bytes are checked as UTF-8 as a whole).
  ///
  /// - Returns: Where its text is, or `nil` when it is not a well-formed string.
  package mutating func scanString() -> StringToken? {
    skipWhitespace()
    guard index < end, base[index] == UInt8(ascii: "\"") else { return nil }
    let start = index + 1
    var position = start
    var escaped = false
    var high: UInt64 = 0
    let ones: UInt64 = 0x0101_0101_0101_0101
    let signs: UInt64 = 0x8080_8080_8080_8080
    while true {
      // Eight bytes at a time while none is a quote, a backslash or a control character; bytes outside ASCII
      // are noted and the text checked as UTF-8 once, at the end.
      while position + 8 <= end {
        let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let stops = ((word &- ones &* 0x20) | (quote &- ones) | (backslash &- ones)) & ~word & signs
        guard stops == 0 else { break }
        high |= word
        position += 8
      }
      guard position < end else { return nil }
      let byte = base[position]
      switch byte {
      case UInt8(ascii: "\""):
        index = position + 1
        if high & signs != 0,
          (try? UTF8Span(validating: UnsafeBufferPointer(start: base + start, count: position - start).span))
            == nil
        {
          return nil
        }
        return StringToken(start: start, end: position, escaped: escaped)
      case UInt8(ascii: "\\"):
        escaped = true
        guard let next = escapeEnd(at: position) else { return nil }
        position = next
      case 0x00..<0x20:
        return nil
      default:
        high |= UInt64(byte)
        position += 1
      }
    }
  }

  /// Just past the escape at `position` (on its backslash), or `nil` when it is not one ``JSONReader`` takes.
  private func escapeEnd(at position: Int) -> Int? {
    guard position + 1 < end else { return nil }
    switch base[position + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
      UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return position + 2
    case UInt8(ascii: "u"):
      guard let first = hex4(at: position + 2) else { return nil }
      switch first {
      case 0xD800..<0xDC00:
        guard position + 7 < end, base[position + 6] == UInt8(ascii: "\\"),
          base[position + 7] == UInt8(ascii: "u"),
          let second = hex4(at: position + 8), (0xDC00..<0xE000).contains(second)
        else { return nil }
        return position + 12
      case 0xDC00..<0xE000: return nil
      default: return position + 6
      }
    default: return nil
    }
  }

  /// The four hex digits at `position` as a number.
  private func hex4(at position: Int) -> UInt32? {
    guard position + 4 <= end else { return nil }
    var value: UInt32 = 0
    for offset in 0..<4 {
      let byte = base[position + offset]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: return nil
      }
      value = value << 4 | digit
    }
    return value
  }

  /// The string `token` holds, escapes decoded (a token without escapes is its own UTF-8).
  ///
  /// - Parameter token: A string read by ``scanString()``.
  package func string(_ token: StringToken) -> String {
    let bytes = UnsafeBufferPointer(start: base + token.start, count: token.end - token.start)
    guard token.escaped else { return String(decoding: bytes, as: UTF8.self) }
    var scalars = String.UnicodeScalarView()
    var position = token.start
    var run = position
    func flush(_ upTo: Int) {
      if upTo > run {
        scalars.append(
          contentsOf: String(
            decoding: UnsafeBufferPointer(start: base + run, count: upTo - run), as: UTF8.self
          )
          .unicodeScalars)
      }
    }
    while position < token.end {
      guard base[position] == UInt8(ascii: "\\") else {
        position += 1
        continue
      }
      flush(position)
      let escape = base[position + 1]
      position += 2
      switch escape {
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"):
        let first = hex4(at: position) ?? 0
        position += 4
        var value = first
        if (0xD800..<0xDC00).contains(first) {
          let second = hex4(at: position + 2) ?? 0xDC00
          position += 6
          value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        }
        scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
      default: scalars.append(Unicode.Scalar(escape))
      }
      run = position
    }
    flush(token.end)
    return String(scalars)
  }

  /// Whether `token` holds exactly `text` (as Swift compares strings).
  ///
  /// - Parameters:
  ///   - token: A string read by ``scanString()``.
  ///   - text: The string expected.
  package func string(_ token: StringToken, equals text: String) -> Bool {
    if !token.escaped {
      var text = text
      let same = text.withUTF8 { utf8 in
        utf8.count == token.end - token.start
          && (utf8.isEmpty || memcmp(base + token.start, utf8.baseAddress.unsafelyUnwrapped, utf8.count) == 0)
      }
      if same { return true }
    }
    // Escapes, or another spelling of canonically equal text: compare the strings themselves.
    return string(token) == text
  }

  /// Whether `token` holds one of `names` exactly as written (an enumeration's raw values are ASCII), and which.
  ///
  /// - Parameters:
  ///   - token: A string read by ``scanString()``.
  ///   - names: Candidate names.
  /// - Returns: The index of the name it holds; `nil` when it holds none, or escapes (then the caller decodes
  ///   the string and compares it as Swift does).
  package func plainIndex(_ token: StringToken, in names: [StaticString]) -> Int? {
    guard !token.escaped else { return nil }
    let count = token.end - token.start
    for (position, name) in names.enumerated()
    where name.utf8CodeUnitCount == count && memcmp(base + token.start, name.utf8Start, count) == 0 {
      return position
    }
    return nil
  }
}
