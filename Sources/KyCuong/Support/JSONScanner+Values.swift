import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Typed values as `JSONCoding.decoder()` reads them: a value the decoder would refuse gives `nil`, and a
/// value it would read in a way the scanner does not mirror (an integer written `3.0`) gives `nil` too, for
/// the full reader to judge.
extension JSONScanner {
  /// A string, decoded.
  package mutating func readString() -> String? {
    scanString().map { string($0) }
  }

  /// A string, checked and skipped.
  package mutating func skipString() -> Bool {
    scanString() != nil
  }

  /// An integer written as one (`JSONDecoder` reads `3.0` and `3e0` as 3 too; those are left to it).
  package mutating func readInt() -> Int? {
    scanNumber().flatMap { integer($0) }
  }

  /// A number as a `Double`.
  package mutating func readDouble() -> Double? {
    scanNumber().flatMap { double($0) }
  }

  /// `true` or `false`.
  package mutating func readBool() -> Bool? {
    skipWhitespace()
    guard index < end else { return nil }
    switch base[index] {
    case UInt8(ascii: "t"): return literal("true") ? true : nil
    case UInt8(ascii: "f"): return literal("false") ? false : nil
    default: return nil
    }
  }

  /// A time as KyCuong's files hold it (``JSONCoding`` reads times with ``Timestamp/date(from:)``).
  package mutating func readDate() -> Date? {
    guard let token = scanString() else { return nil }
    if !token.escaped,
      let date = Timestamp.canonicalDate(
        UnsafeBufferPointer(start: base + token.start, count: token.end - token.start))
    {
      return date
    }
    return Timestamp.date(from: string(token))
  }

  /// A value of an enumeration with string raw values, compared as Swift compares strings: a raw value
  /// written plainly is found by its bytes in `names` (each case's raw value), any other text through
  /// `init(rawValue:)`.
  ///
  /// - Parameter names: Every case with its raw value.
  package mutating func readEnum<Value: RawRepresentable>(_ names: [(StaticString, Value)]) -> Value?
  where Value.RawValue == String {
    guard let token = scanString() else { return nil }
    if !token.escaped {
      for (name, value) in names where matches(token.start, token.end - token.start, name) { return value }
    }
    return Value(rawValue: string(token))
  }

  /// A day written `YYYY-MM-DD` (as `CalendarDate` reads one in a file).
  package mutating func readDay() -> CalendarDate? {
    guard let token = scanString() else { return nil }
    let count = token.end - token.start
    if !token.escaped, count == 10, base[token.start + 4] == UInt8(ascii: "-"),
      base[token.start + 7] == UInt8(ascii: "-")
    {
      var parts = (0, 0, 0)
      var plain = true
      for offset in 0..<10 where offset != 4 && offset != 7 {
        let digit = base[token.start + offset] &- UInt8(ascii: "0")
        guard digit < 10 else {
          plain = false
          break
        }
        switch offset {
        case 0..<4: parts.0 = parts.0 * 10 + Int(digit)
        case 5..<7: parts.1 = parts.1 * 10 + Int(digit)
        default: parts.2 = parts.2 * 10 + Int(digit)
        }
      }
      // Four digits, two and two: what `CalendarDate(_:)` takes, and then the same check of the day.
      if plain { return CalendarDate(year: parts.0, month: parts.1, day: parts.2) }
    }
    return CalendarDate(string(token))
  }

  /// An array whose every element `element` reads (at `depth + 1`).
  ///
  /// - Parameters:
  ///   - depth: The array's depth.
  ///   - element: Reads one element.
  /// - Returns: The elements, or `nil` when one is refused.
  package mutating func readArray<Element>(
    depth: Int, _ element: (inout JSONScanner) -> Element?
  ) -> [Element]? {
    var elements: [Element] = []
    let read = array(depth: depth) { scanner in
      guard let value = element(&scanner) else { return false }
      elements.append(value)
      return true
    }
    return read ? elements : nil
  }

  /// Whether the next value is an array whose every element `element` accepts (at `depth + 1`).
  package mutating func checkArray(depth: Int, _ element: (inout JSONScanner) -> Bool) -> Bool {
    array(depth: depth, element)
  }
}
