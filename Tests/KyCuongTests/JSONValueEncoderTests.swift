import Foundation
import KyCuong
import KyCuongSamples
import Testing

/// `JSONValueEncoder` against its oracle: the strict reader's parse of what `JSONEncoder` (``JSONCoding``'s)
/// writes. Equal means the same value member for member (objects compared with their members sorted, as the
/// encoder sorts them) and the same canonical bytes in both forms, which is what a digest is computed over.
@Suite("JSON value encoder: the value JSONEncoder's text parses to")
struct JSONValueEncoderTests {
  /// The oracle: written by `JSONEncoder`, parsed by the strict reader.
  static func viaText<T: Encodable>(_ value: T) throws -> JSONValue {
    try JSONReader.parse(try JSONCoding.encoder().encode(value))
  }

  /// Checks that `value` encodes straight to the value its text parses to.
  static func expectSameValue<T: Encodable>(
    _ value: T, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let direct = try JSONValueEncoder.encode(value)
    let parsed = try viaText(value)
    #expect(direct.sortedByKey == parsed.sortedByKey, "\(name)", sourceLocation: sourceLocation)
    for form in [CanonicalJSON.Form.jcs, .version1] {
      #expect(
        try CanonicalJSON.data(direct, form: form) == CanonicalJSON.data(parsed, form: form),
        "\(name) \(form)",
        sourceLocation: sourceLocation)
    }
  }

  @Test("every export the tests read, every sample audit and every standard checklist")
  func realValues() throws {
    var exports = 0
    for (name, data) in try ExportReadingTests.realFiles() + (try ReadingCases.all()) {
      guard let export = try? AuditExport(data: data) else { continue }
      try Self.expectSameValue(export, name)
      exports += 1
    }
    // The real files and the corpus's files that read (odd but valid content): 92 when this was written.
    #expect(exports >= 90)
    for index in 0..<20 {
      let audit = SampleAudits.audit(index, seed: 11)
      try Self.expectSameValue(audit.events, "sample \(index) events")
      try Self.expectSameValue(audit.header, "sample \(index) header")
    }
    for checklist in try Catalog.standard.checklists {
      try Self.expectSameValue(checklist, checklist.id)
    }
  }

  /// A value that encodes itself by hand, through every kind of container.
  struct HandEncoded: Encodable {
    enum Key: String, CodingKey {
      case a, b, nested, list, inner, wrapped, empty, time, missing, absent
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Key.self)
      try container.encode(1, forKey: .a)
      // A key given twice keeps its last value.
      try container.encode("twice", forKey: .a)
      try container.encode(Int64.max, forKey: .b)
      var nested = container.nestedContainer(keyedBy: Key.self, forKey: .nested)
      try nested.encode(UInt64.max, forKey: .a)
      try nested.encode(-0.0, forKey: .b)
      var list = nested.nestedUnkeyedContainer(forKey: .list)
      try list.encode(Int.min)
      try list.encode(Double.leastNonzeroMagnitude)
      try list.encode(1.7976931348623157e308)
      try list.encode(Double.pi)
      try list.encode(9_007_199_254_740_993 as Int)
      try list.encodeNil()
      try list.encode(true)
      try list.encode("\u{0}\u{1F}\"\\/\u{7F}\u{85}\u{2028}é😀")
      var deeper = list.nestedContainer(keyedBy: Key.self)
      try deeper.encode([1, 2, 3], forKey: .inner)
      var deepList = list.nestedUnkeyedContainer()
      try deepList.encode([String: Int]())
      try Wrapper(inner: Inner(x: 3)).encode(to: list.superEncoder())
      try container.encode(Wrapper(inner: Inner(x: 4)), forKey: .wrapped)
      try container.encode(Nothing(), forKey: .empty)
      try container.encode(Date(timeIntervalSince1970: 1_795_253_400), forKey: .time)
      try container.encodeNil(forKey: .missing)
      try container.encodeIfPresent(nil as String?, forKey: .absent)
      try Inner(x: 5).encode(to: container.superEncoder())
      try Inner(x: 6).encode(to: container.superEncoder(forKey: .inner))
    }
  }

  struct Inner: Encodable { var x: Int }

  /// A wrapper whose value takes its place.
  struct Wrapper: Encodable {
    var inner: Inner
    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(inner)
    }
  }

  /// A value that encodes nothing: `{}` inside another value.
  struct Nothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
  }

  @Test("hand-made values: every container, duplicate keys, extreme numbers, escapes, times")
  func handMadeValues() throws {
    try Self.expectSameValue(HandEncoded(), "hand-encoded")
    var many: [String: [Double?]] = [:]
    for index in 0..<60 { many["key \(index) \u{301}"] = [Double(index) / 7, nil] }
    try Self.expectSameValue(many, "a large object")
    try Self.expectSameValue([Date(timeIntervalSince1970: 0)], "a top-level array of times")
    try Self.expectSameValue(Date(timeIntervalSince1970: 1_000_000_000), "a top-level time")
    try Self.expectSameValue(Wrapper(inner: Inner(x: 1)), "a top-level wrapper")
    try Self.expectSameValue("text", "a top-level string")
    try Self.expectSameValue([[[Int]]](), "an empty array")
  }

  /// A value whose encoding JSONEncoder writes its own way.
  struct Holding<Value: Encodable>: Encodable { var value: Value }

  /// A value that asks for two kinds of container.
  struct TwoContainers: Encodable {
    func encode(to encoder: any Encoder) throws {
      _ = encoder.container(keyedBy: JSONValueEncoderTests.HandEncoded.Key.self)
      _ = encoder.unkeyedContainer()
    }
  }

  @Test("what only JSONEncoder's text answers is left to it: Float, Data, URL, Decimal, no finite value")
  func leftToTheText() throws {
    func expectNeedsText<T: Encodable>(_ value: T, _ name: String) {
      #expect(throws: JSONValueEncoder.NeedsText.self, "\(name)") { try JSONValueEncoder.encode(value) }
    }
    expectNeedsText(Holding(value: Float(0.1)), "Float")
    expectNeedsText(Holding(value: Data([1, 2])), "Data")
    expectNeedsText(Holding(value: URL(string: "https://example.org/a")!), "URL")
    expectNeedsText(Holding(value: Decimal(string: "0.1")!), "Decimal")
    expectNeedsText(Holding(value: Double.nan), "NaN")
    expectNeedsText([Double.infinity], "infinity")
    expectNeedsText(Nothing(), "a top-level value that encodes nothing")
    expectNeedsText(Holding(value: TwoContainers()), "two kinds of container")
    // JSONEncoder itself refuses a number that is not finite: the caller's fallback gives its error.
    #expect(throws: EncodingError.self) { try JSONCoding.encoder().encode([Double.nan]) }
  }
}
