import Foundation

/// Finds the members of a JSON object by skimming bytes, without parsing the values it skips.
///
/// The summary reads thousands of exports; most of each (the checklist snapshot, evidence, history) is not
/// needed. Skipping it at the byte level and converting only the few values it needs is what makes the
/// summary faster than decoding each file whole. The input is trusted to be JSON only as far as its brackets and strings go: a
/// malformed file makes the slicer return `nil`, and the caller falls back to the full reader.
package enum JSONSlicer {
  /// The members of the object that `bytes[range]` holds: each key with the byte range of its value.
  package static func members(
    _ bytes: UnsafeRawBufferPointer, in range: Range<Int>
  ) -> [(key: String, value: Range<Int>)]? {
    var index = range.lowerBound
    let end = range.upperBound
    func skipSpace() { index = JSONSlicer.skipWhitespace(bytes, from: index, to: end) }
    skipSpace()
    guard index < end, bytes[index] == UInt8(ascii: "{") else { return nil }
    index += 1
    var result: [(key: String, value: Range<Int>)] = []
    while true {
      skipSpace()
      guard index < end else { return nil }
      if bytes[index] == UInt8(ascii: "}") { return result }
      guard bytes[index] == UInt8(ascii: "\""), let keyEnd = skipString(bytes, from: index, to: end) else {
        return nil
      }
      let key = String(
        decoding: UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<(keyEnd - 1)]), as: UTF8.self)
      index = keyEnd
      skipSpace()
      guard index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
      index += 1
      skipSpace()
      guard let valueEnd = skipValue(bytes, from: index, to: end) else { return nil }
      result.append((key, index..<valueEnd))
      index = valueEnd
      skipSpace()
      guard index < end else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] != UInt8(ascii: "}") {
        return nil
      }
    }
  }

  /// The values of `keys` in the object that `bytes[range]` holds (`nil` for a key it lacks), or `nil` when
  /// it is not an object. Keys are compared as bytes, so no string is made for the members skipped.
  package static func lookup(
    _ bytes: UnsafeRawBufferPointer, in range: Range<Int>, _ keys: [String]
  ) -> [Range<Int>?]? {
    var index = range.lowerBound
    let end = range.upperBound
    func skipSpace() { index = JSONSlicer.skipWhitespace(bytes, from: index, to: end) }
    skipSpace()
    guard index < end, bytes[index] == UInt8(ascii: "{") else { return nil }
    index += 1
    var result = [Range<Int>?](repeating: nil, count: keys.count)
    while true {
      skipSpace()
      guard index < end else { return nil }
      if bytes[index] == UInt8(ascii: "}") { return result }
      guard bytes[index] == UInt8(ascii: "\""), let keyEnd = skipString(bytes, from: index, to: end) else {
        return nil
      }
      let key = UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<(keyEnd - 1)])
      index = keyEnd
      skipSpace()
      guard index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
      index += 1
      skipSpace()
      guard let valueEnd = skipValue(bytes, from: index, to: end) else { return nil }
      for (position, wanted) in keys.enumerated()
      where result[position] == nil && wanted.utf8.elementsEqual(key) {
        result[position] = index..<valueEnd
        break
      }
      index = valueEnd
      skipSpace()
      guard index < end else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] != UInt8(ascii: "}") {
        return nil
      }
    }
  }

  /// The index just past the string that starts at `start` (on its opening quote).
  package static func skipString(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
    var index = start + 1
    while index < end {
      switch bytes[index] {
      case UInt8(ascii: "\\"): index += 2
      case UInt8(ascii: "\""): return index + 1
      default: index += 1
      }
    }
    return nil
  }

  /// The index just past the value that starts at `start`.
  package static func skipValue(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
    guard start < end else { return nil }
    switch bytes[start] {
    case UInt8(ascii: "\""):
      return skipString(bytes, from: start, to: end)
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      var depth = 0
      var index = start
      while index < end {
        switch bytes[index] {
        case UInt8(ascii: "\""):
          guard let next = skipString(bytes, from: index, to: end) else { return nil }
          index = next
          continue
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          depth -= 1
          if depth == 0 { return index + 1 }
        default: break
        }
        index += 1
      }
      return nil
    default:
      var index = start
      while index < end {
        switch bytes[index] {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return index
        default: index += 1
        }
      }
      return index
    }
  }
}

extension JSONSlicer {
  /// The value of `key` among `members`.
  package static func value(_ members: [(key: String, value: Range<Int>)], _ key: String) -> Range<Int>? {
    members.first { $0.key == key }?.value
  }

  /// The byte ranges of the elements of the array that `bytes[range]` holds.
  package static func elements(_ bytes: UnsafeRawBufferPointer, in range: Range<Int>) -> [Range<Int>]? {
    var index = range.lowerBound
    let end = range.upperBound
    func skipSpace() { index = JSONSlicer.skipWhitespace(bytes, from: index, to: end) }
    skipSpace()
    guard index < end, bytes[index] == UInt8(ascii: "[") else { return nil }
    index += 1
    var result: [Range<Int>] = []
    while true {
      skipSpace()
      guard index < end else { return nil }
      if bytes[index] == UInt8(ascii: "]") { return result }
      guard let valueEnd = skipValue(bytes, from: index, to: end) else { return nil }
      result.append(index..<valueEnd)
      index = valueEnd
      skipSpace()
      guard index < end else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] != UInt8(ascii: "]") {
        return nil
      }
    }
  }

  /// Whether the value is `null`.
  package static func isNull(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
    range.count == 4 && bytes[range.lowerBound] == UInt8(ascii: "n")
  }

  /// The string the value holds, escapes decoded.
  package static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String? {
    guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "\""),
      bytes[range.upperBound - 1] == UInt8(ascii: "\"")
    else { return nil }
    let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
    guard inner.contains(where: { bytes[$0] == UInt8(ascii: "\\") }) else {
      return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[inner]), as: UTF8.self)
    }
    // Rare (quotes or control characters in a text): let the full parser decode the escapes.
    guard case .string(let text)? = try? JSONReader.parse(UnsafeRawBufferPointer(rebasing: bytes[range]))
    else {
      return nil
    }
    return text
  }

  /// The number the value holds.
  package static func number(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
    Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self))
  }

  /// The Boolean the value holds.
  package static func bool(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool? {
    switch bytes[range.lowerBound] {
    case UInt8(ascii: "t"): true
    case UInt8(ascii: "f"): false
    default: nil
    }
  }
}

extension JSONSlicer {
  /// The first index at or after `index` (and before `end`) that is not JSON white space.
  @inline(__always)
  package static func skipWhitespace(_ bytes: UnsafeRawBufferPointer, from index: Int, to end: Int) -> Int {
    var index = index
    while index < end,
      bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
    {
      index += 1
    }
    return index
  }
}
