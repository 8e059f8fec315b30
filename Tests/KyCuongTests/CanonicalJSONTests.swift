import Foundation
import KyCuong
import KyCuongSupport
import Testing

/// The canonical form names where a value has none: the path is built only when there is a problem, and it
/// reads as it did when every member carried its own (issue 13, the digest's speed).
@Suite("Canonical JSON")
struct CanonicalJSONTests {
  func reason(_ value: JSONValue) -> String? {
    do {
      _ = try CanonicalJSON.data(value)
      return nil
    } catch {
      return error.reason
    }
  }

  @Test func aDuplicateKeyIsNamedWithItsObjectsPath() {
    let twice = JSONValue.object([("b", .null), ("a", .bool(true)), ("b", .number(1))])
    #expect(reason(twice) == #"the document: the key "b" occurs twice"#)
    let nested = JSONValue.object([
      ("items", .array([.string("x"), .object([("scores", twice)])]))
    ])
    #expect(reason(nested) == #"items[1].scores: the key "b" occurs twice"#)
    #expect(reason(.array([.null, twice])) == #"[1]: the key "b" occurs twice"#)
  }

  @Test func aNumberThatIsNotFiniteIsNamedWithItsPath() {
    #expect(reason(.number(.infinity)) == ": a number that is not finite")
    let value = JSONValue.object([("a", .array([.number(1), .object([("w", .number(.nan))])]))])
    #expect(reason(value) == "a[1].w: a number that is not finite")
  }

  @Test func keysInOrderOrNotGiveTheSameBytes() throws {
    let shuffled = JSONValue.object([("é", .bool(true)), ("b", .array([.number(2.5)])), ("a", .null)])
    let ordered = JSONValue.object([("a", .null), ("b", .array([.number(2.5)])), ("é", .bool(true))])
    let expected = Data(#"{"a":null,"b":[2.5],"é":true}"#.utf8)
    #expect(try CanonicalJSON.data(shuffled) == expected)
    #expect(try CanonicalJSON.data(ordered) == expected)
  }
}
