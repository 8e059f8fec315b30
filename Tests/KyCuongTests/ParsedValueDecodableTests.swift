import Foundation
import KyCuongSupport
import Testing

@testable import KyCuong

@Suite("Shortcuts from a parsed value, held to JSONDecoder")
struct ParsedValueDecodableTests {
  /// What `JSONDecoder` gives for `json` written out, `nil` when it throws.
  func decodedFromText<T: Decodable>(_ type: T.Type, _ json: JSONValue) -> T? {
    try? JSONCoding.decoder().decode(T.self, from: Data(HostileExports.Printer.pretty(json).utf8))
  }

  /// Checks that the shortcut gives nothing, or what `JSONDecoder` gives for the same text, and that the
  /// full decoder (which takes the shortcut) gives what `JSONDecoder` gives; returns whether the shortcut
  /// gave a value.
  @discardableResult
  func check<T: ParsedValueDecodable & Equatable>(
    _ type: T.Type, _ json: JSONValue, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Bool {
    let expected = decodedFromText(T.self, json)
    let shortcut = T(parsedValue: json)
    if let shortcut {
      #expect(shortcut == expected, "\(HostileExports.Printer.pretty(json))", sourceLocation: sourceLocation)
    }
    let full = Result { try JSONValueDecoder.decode(T.self, from: json) }
    switch full {
    case .success(let value): #expect(value == expected, sourceLocation: sourceLocation)
    case .failure(let error as JSONValueDecoder.NeedsText): _ = error
    case .failure: #expect(expected == nil, sourceLocation: sourceLocation)
    }
    return shortcut != nil
  }

  /// Every element of the arrays at `key` of the exports the tests read (and of their items, with
  /// `inItems`).
  func realValues(_ key: String, inItems: Bool = false) throws -> [JSONValue] {
    var values: [JSONValue] = []
    for (_, data) in try ExportReadingTests.realFiles() {
      let export = try JSONReader.parse(data)
      let holders: [JSONValue]
      if inItems, case .array(let items)? = export["items"] { holders = items } else { holders = [export] }
      for holder in holders {
        guard case .array(let elements)? = holder[key] else { continue }
        values += elements
      }
    }
    return values
  }

  /// Every item of the exports the tests read.
  func realItems() throws -> [JSONValue] { try realValues("items") }

  /// Checks `values`, then each with every member removed, replaced by each of ``otherValues``, and with a
  /// member added.
  func checkAltered<T: ParsedValueDecodable & Equatable>(
    _ type: T.Type, _ values: [JSONValue], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for value in values {
      #expect(check(T.self, value, sourceLocation: sourceLocation), "the shortcut reads every real value")
      guard case .object(let members) = value else { continue }
      for position in members.indices {
        var without = members
        without.remove(at: position)
        check(T.self, .object(without), sourceLocation: sourceLocation)
        for other in Self.otherValues {
          var changed = members
          changed[position].value = other
          check(T.self, .object(changed), sourceLocation: sourceLocation)
        }
      }
      check(T.self, .object(members + [("unknown", .number(1))]), sourceLocation: sourceLocation)
      check(T.self, .array([value]), sourceLocation: sourceLocation)
    }
  }

  /// Values of every kind, and numbers near the edges of what the decoders read.
  static let otherValues: [JSONValue] = [
    .null, .bool(true), .bool(false), .number(0), .number(1), .number(-1), .number(1.5),
    .number(9_007_199_254_740_992), .number(-0.0), .number(1e300), .string(""), .string("x"),
    .string("answered"), .string("2026-01-08T02:05:20Z"), .string("2025-02-29T10:00:00Z"),
    .string("2026-01-08T02:05:20.250Z"), .array([]), .array([.string("a")]), .object([]),
    .object([("type", .string("pass"))]),
  ]

  @Test("every real item is read by the shortcut, as JSONDecoder reads it")
  func realItemsTakeTheShortcut() throws {
    let items = try realItems()
    #expect(items.count > 1_000)
    var taken = 0
    for item in items where check(AuditExport.ExportedItem.self, item) { taken += 1 }
    // Items with notes, attachments or history take it too: their elements are decoded in full.
    #expect(taken == items.count)
  }

  @Test("an item with a member missing, of another kind, or added, reads as JSONDecoder reads it")
  func alteredItems() throws {
    let items = try realItems()
    // One item of each shape: each status, with and without an outcome, notes, history.
    var shapes: [String: JSONValue] = [:]
    for item in items {
      guard case .object(let members) = item else { continue }
      let shape = members.map { member in
        if case .array(let elements) = member.value { return "\(member.key):\(elements.isEmpty)" }
        return "\(member.key):\(member.value.typeName)"
      }.joined(separator: ",")
      shapes[shape] = shapes[shape] ?? item
    }
    #expect(shapes.count >= 3)
    #expect(shapes.keys.contains { $0.contains("notes:false") })
    checkAltered(AuditExport.ExportedItem.self, Array(shapes.values))
  }

  @Test("remarks and corrective actions, real and altered, read as JSONDecoder reads them")
  func remarksAndActions() throws {
    var remarks: [JSONValue] = []
    for key in ["findings", "recommendations", "notes", "explanations"] {
      remarks += try realValues(key).prefix(20)
      remarks += try realValues(key, inItems: true).prefix(20)
    }
    let actions = try realValues("correctiveActions")
    #expect(remarks.count >= 40 && actions.count >= 20)
    // Explanations carry a speaker, the others none; the sample actions each remedy an item (an action
    // without one is each of them with `item` removed, below).
    #expect(remarks.contains { $0["speaker"] != nil } && remarks.contains { $0["speaker"] == nil })
    #expect(actions.allSatisfy { $0["item"] != nil })
    checkAltered(Remark.self, Array(remarks.prefix(12)) + remarks.filter { $0["speaker"] != nil }.prefix(3))
    checkAltered(CorrectiveAction.self, Array(actions.prefix(8)))
    check(
      CorrectiveAction.self,
      .object([
        ("what", .string("Niêm yết")), ("owner", .string("Văn phòng")), ("due", .string("2026-02-30")),
        ("by", .string("An")), ("at", .string("2026-01-08T02:05:20Z")),
      ]))
  }

  @Test("outcomes of every type, and altered ones, read as JSONDecoder reads them")
  func outcomes() {
    let numbers: [JSONValue] = [
      .number(0), .number(3), .number(-2), .number(2.5), .number(1e20), .string("3"),
    ]
    var values: [JSONValue] = [
      .object([("type", .string("pass"))]), .object([("type", .string("partial"))]),
      .object([("type", .string("fail"))]), .object([("type", .string("notApplicable"))]),
      .object([("type", .string("yes"))]), .object([("type", .string("no"))]),
      .object([("type", .string("text")), ("text", .string("Đã niêm yết"))]),
      .object([("type", .string("text"))]), .object([("type", .string("text")), ("text", .null)]),
      .object([("type", .string("maybe"))]), .object([("type", .number(1))]), .object([]),
      .object([("type", .string("pass")), ("value", .string("ignored"))]), .string("pass"), .null,
    ]
    for number in numbers {
      values.append(.object([("type", .string("scale")), ("value", number)]))
      values.append(
        .object([("type", .string("observation")), ("compliant", number), ("observed", .number(12))]))
      values.append(
        .object([("type", .string("observation")), ("compliant", .number(1)), ("observed", number)]))
    }
    values.append(.object([("type", .string("observation")), ("compliant", .number(1))]))
    for value in values { check(Outcome.self, value) }
    #expect(Outcome(parsedValue: .object([("type", .string("scale")), ("value", .number(3))])) == .scale(3))
  }
}
