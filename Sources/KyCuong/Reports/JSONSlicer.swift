import Foundation

/// Finds the members of a JSON object by skimming bytes, without parsing the values it skips.
///
/// The summary reads thousands of exports; most of each (the checklist snapshot, evidence, history) is not
/// needed. Skipping it at the byte level and converting only the few values it needs is what makes the
/// summary faster than decoding each file whole. The input is trusted to be JSON only as far as its brackets and strings go: a
/// malformed file makes the slicer return `nil`, and the caller falls back to the full reader.
enum JSONSlicer {
  /// The members of the object that `bytes[range]` holds: each key with the byte range of its value.
  static func members(
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
  static func lookup(
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
  static func skipString(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
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
  static func skipValue(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
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
  static func value(_ members: [(key: String, value: Range<Int>)], _ key: String) -> Range<Int>? {
    members.first { $0.key == key }?.value
  }

  /// The byte ranges of the elements of the array that `bytes[range]` holds.
  static func elements(_ bytes: UnsafeRawBufferPointer, in range: Range<Int>) -> [Range<Int>]? {
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
  static func isNull(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
    range.count == 4 && bytes[range.lowerBound] == UInt8(ascii: "n")
  }

  /// The string the value holds, escapes decoded.
  static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String? {
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
  static func number(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
    Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self))
  }

  /// The Boolean the value holds.
  static func bool(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool? {
    switch bytes[range.lowerBound] {
    case UInt8(ascii: "t"): true
    case UInt8(ascii: "f"): false
    default: nil
    }
  }

  /// A `{"vi": …, "en": …}` text.
  static func localized(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> LocalizedText? {
    guard let members = members(bytes, in: range),
      let vi = value(members, "vi").flatMap({ string(bytes, $0) })
    else { return nil }
    return LocalizedText(vi: vi, en: value(members, "en").flatMap { string(bytes, $0) })
  }
}

extension AuditFacts {
  /// The facts of an export read straight from its bytes: only the members the summary needs are looked at,
  /// the rest (the checklist snapshot, evidence, history) is skipped unparsed. `nil` when the data is not
  /// an export of the expected shape; the caller then uses the full reader, which says what is wrong.
  init?(exportBytes data: Data, file: String) {
    typealias S = JSONSlicer
    guard
      let facts = data.withUnsafeBytes({ bytes -> AuditFacts? in
        guard let top = S.members(bytes, in: 0..<bytes.count),
          let format = S.value(top, "format").flatMap({ S.string(bytes, $0) }),
          format.hasPrefix("kycuong.audit/1"),
          let audit = S.value(top, "audit").flatMap({ S.members(bytes, in: $0) }),
          let id = S.value(audit, "id").flatMap({ S.string(bytes, $0) }),
          let unit = S.value(audit, "unit").flatMap({ S.members(bytes, in: $0) }),
          let unitName = S.value(unit, "name").flatMap({ S.string(bytes, $0) }),
          let started = S.value(audit, "startedAt").flatMap({ S.string(bytes, $0) }).flatMap(
            Timestamp.date(from:)),
          let eventCount = S.value(audit, "eventCount").flatMap({ S.number(bytes, $0) }),
          let checklist = S.value(top, "checklist").flatMap({ S.members(bytes, in: $0) }),
          let checklistID = S.value(checklist, "id").flatMap({ S.string(bytes, $0) }),
          let version = S.value(checklist, "version").flatMap({ S.string(bytes, $0) }),
          let title = S.value(checklist, "title").flatMap({ S.localized(bytes, $0) }),
          let scores = S.value(top, "scores").flatMap({ S.members(bytes, in: $0) }),
          let itemList = S.value(top, "items").flatMap({ S.elements(bytes, in: $0) }),
          let actionList = S.value(top, "correctiveActions").flatMap({ S.elements(bytes, in: $0) })
        else { return nil }

        var overall: Double?
        if let range = S.value(scores, "overall"), !S.isNull(bytes, range) {
          guard let number = S.number(bytes, range) else { return nil }
          overall = number
        }
        var rating: RatingBand?
        if let range = S.value(scores, "rating"), !S.isNull(bytes, range) {
          guard let band = S.members(bytes, in: range),
            let bandID = S.value(band, "id").flatMap({ S.string(bytes, $0) }),
            let from = S.value(band, "from").flatMap({ S.number(bytes, $0) }),
            let to = S.value(band, "to").flatMap({ S.number(bytes, $0) }),
            let label = S.value(band, "label").flatMap({ S.localized(bytes, $0) })
          else { return nil }
          rating = RatingBand(id: bandID, from: from, to: to, label: label)
        }
        var focusAreas: [String: Double?] = [:]
        for area in S.value(scores, "focusAreas").flatMap({ S.elements(bytes, in: $0) }) ?? [] {
          guard let members = S.members(bytes, in: area),
            let tag = S.value(members, "tag").flatMap({ S.string(bytes, $0) })
          else { return nil }
          let score = S.value(members, "score").flatMap { S.isNull(bytes, $0) ? nil : S.number(bytes, $0) }
          focusAreas[tag] = .some(score)
        }
        guard let criticalList = S.value(scores, "criticalFailures").flatMap({ S.elements(bytes, in: $0) })
        else {
          return nil
        }
        var critical: [String] = []
        for element in criticalList {
          guard let text = S.string(bytes, element) else { return nil }
          critical.append(text)
        }
        var items: [ItemFact] = []
        items.reserveCapacity(itemList.count)
        let itemKeys = ["id", "applicable", "critical", "tags", "score"]
        for element in itemList {
          guard let found = S.lookup(bytes, in: element, itemKeys),
            let itemID = found[0].flatMap({ S.string(bytes, $0) }),
            let applicable = found[1].flatMap({ S.bool(bytes, $0) }),
            let isCritical = found[2].flatMap({ S.bool(bytes, $0) }),
            let tagList = found[3].flatMap({ S.elements(bytes, in: $0) })
          else { return nil }
          guard applicable, let range = found[4], !S.isNull(bytes, range) else { continue }
          guard let score = S.number(bytes, range) else { return nil }
          let tags = tagList.compactMap { S.string(bytes, $0) }
          items.append(
            ItemFact(
              id: itemID, text: LocalizedText(vi: itemID), critical: isCritical, tags: tags, score: score))
        }
        var actions: [CorrectiveActionFact] = []
        for element in actionList {
          guard let action = S.members(bytes, in: element),
            let what = S.value(action, "what").flatMap({ S.string(bytes, $0) }),
            let owner = S.value(action, "owner").flatMap({ S.string(bytes, $0) }),
            let due = S.value(action, "due").flatMap({ S.string(bytes, $0) })
          else { return nil }
          let item = S.value(action, "item").flatMap { S.isNull(bytes, $0) ? nil : S.string(bytes, $0) }
          actions.append(CorrectiveActionFact(what: what, owner: owner, due: due, item: item))
        }
        return AuditFacts(
          id: id, file: file, eventCount: Int(eventCount), unit: unitName, checklist: checklistID,
          checklistVersion: version, checklistTitle: title, startedAt: started, overall: overall,
          rating: rating,
          focusAreas: focusAreas, items: items, criticalFailures: critical, actions: actions, needsTexts: true
        )
      })
    else { return nil }
    self = facts
  }
}

extension JSONSlicer {
  /// The first index at or after `index` (and before `end`) that is not JSON white space.
  @inline(__always)
  static func skipWhitespace(_ bytes: UnsafeRawBufferPointer, from index: Int, to end: Int) -> Int {
    var index = index
    while index < end,
      bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
    {
      index += 1
    }
    return index
  }
}
