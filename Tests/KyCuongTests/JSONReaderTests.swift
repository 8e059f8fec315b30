import Foundation
import KyCuong
import KyCuongSupport
import Testing

@Suite("JSON reader")
struct JSONReaderTests {
  /// The error `bytes` gives, as `line L, column C: reason`, or `nil` when it parses.
  func error(_ bytes: [UInt8]) -> String? {
    do {
      _ = try JSONReader.parse(bytes)
      return nil
    } catch {
      return error.description
    }
  }

  func error(_ text: String) -> String? { error(Array(text.utf8)) }

  @Test("line and column of an error, columns counted in characters after Vietnamese text")
  func lineAndColumn() throws {
    let text = "{\n  \"tên\": \"Đeo thẻ công chức\" 1\n}"
    #expect(error(text) == "line 2, column 30: expected ',' or '}' after an object member, found '1'")
    let later = "{\n  \"tên\": \"Đeo thẻ công chức\",\n  \"x\": tru\n}"
    #expect(error(later) == "line 3, column 8: expected a value, found 't'")
    do {
      _ = try JSONReader.parse(later)
    } catch {
      #expect(error.line == 3)
      #expect(error.column == 8)
      #expect(error.reason == "expected a value, found 't'")
    }
  }

  @Test("columns count characters also in decomposed (NFD) text")
  func columnsInDecomposedText() {
    // "thẻ" written as t, h, e and a combining hook above (U+0309): three characters, four scalars.
    let text = "[\"the\u{0309}\" 1]"
    #expect(Array(text.unicodeScalars).count == text.count + 1)
    #expect(error(text) == "line 1, column 8: expected ',' or ']' after an array element, found '1'")
  }

  @Test(
    "syntax errors",
    arguments: [
      ("", "line 1, column 1: expected a value, found the end of the file"),
      ("1 2", "line 1, column 3: unexpected text after the JSON document"),
      ("[1,]", "line 1, column 4: expected a value, found ']'"),
      (#"{"a":1,}"#, "line 1, column 8: expected a member name in double quotes, found '}'"),
      (#"{"a" 1}"#, #"line 1, column 6: expected ':' after the member name "a", found '1'"#),
      ("[1", "line 1, column 3: expected ',' or ']', found the end of the file"),
      (#"{"a":1"#, "line 1, column 7: expected ',' or '}', found the end of the file"),
      ("nul", "line 1, column 1: expected a value, found 'n'"),
      ("\n\n  \"abc", "line 3, column 3: unterminated string"),
      ("'a'", "line 1, column 1: expected a value, found '''"),
    ])
  func syntaxErrors(text: String, message: String) {
    #expect(error(text) == message)
  }

  @Test("nesting is limited to 256 levels")
  func depthLimit() throws {
    let deepest = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
    #expect(error(deepest) == nil)
    let tooDeep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
    #expect(error(tooDeep) == "line 1, column 257: nesting deeper than 256 levels")
    let objects = String(repeating: #"{"a":"#, count: 300) + "1" + String(repeating: "}", count: 300)
    #expect(error(objects)?.hasSuffix("nesting deeper than 256 levels") == true)
    #expect(JSONReader.maximumDepth == 256)
  }

  @Test(
    "invalid UTF-8 is refused",
    arguments: [
      ([0x22, 0xFF, 0x22], "line 1, column 2: invalid UTF-8 byte 0xFF"),
      ([0x22, 0xC0, 0x80, 0x22], "line 1, column 2: invalid UTF-8 byte 0xC0"),
      ([0x22, 0xE1, 0x41, 0x41, 0x22], "line 1, column 2: invalid UTF-8 sequence"),
      ([0x22, 0xED, 0xA0, 0x80, 0x22], "line 1, column 2: invalid UTF-8 sequence"),
      ([0x22, 0xE0, 0x80, 0x80, 0x22], "line 1, column 2: invalid UTF-8 sequence"),
      ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "line 1, column 2: invalid UTF-8 sequence"),
      ([0x22, 0xE1, 0xBB], "line 1, column 2: truncated UTF-8 sequence"),
      ([0xFF], "line 1, column 1: expected a value, found byte 0xFF"),
    ] as [([UInt8], String)])
  func invalidUTF8(bytes: [UInt8], message: String) {
    #expect(error(bytes) == message)
  }

  @Test("valid UTF-8 of every length, and a byte-order mark")
  func validUTF8() throws {
    #expect(try JSONReader.parse(Array("\"Đ ệ € 😀\"".utf8)) == .string("Đ ệ € 😀"))
    #expect(try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(1)]))
  }

  @Test("escapes and surrogate pairs")
  func escapes() throws {
    let text = #""\"\\\/\b\f\n\r\t\u00e9\u0110\uD83D\uDE00""#
    #expect(try JSONReader.parse(text) == .string("\"\\/\u{08}\u{0C}\n\r\té\u{0110}😀"))
    #expect(try JSONReader.parse(#""\u1EC7""#) == .string("ệ"))
  }

  @Test(
    "bad escapes",
    arguments: [
      (#""\uD83D""#, #"line 1, column 8: a high surrogate \u escape must be followed by a low one"#),
      (#""\uD83D\u0041""#, #"line 1, column 14: invalid surrogate pair in a \u escape"#),
      (#""\uDE00""#, #"line 1, column 8: a lone low surrogate in a \u escape"#),
      (#""\x""#, #"line 1, column 2: invalid escape '\x' in a string"#),
      (#""\u12G4""#, #"line 1, column 6: expected four hex digits after \u"#),
      (#""\u12"#, #"line 1, column 4: expected four hex digits after \u"#),
      ("\"a\nb\"", "line 1, column 3: control character 0xa in a string; escape it"),
      ("\"a\tb\"", "line 1, column 3: control character 0x9 in a string; escape it"),
    ])
  func badEscapes(text: String, message: String) {
    #expect(error(text) == message)
  }

  @Test(
    "numbers",
    arguments: [
      ("0", 0.0), ("-0", -0.0), ("1.5", 1.5), ("1e3", 1000), ("1E+3", 1000), ("-2.5e-3", -0.0025),
      ("123456789", 123_456_789), ("0.1", 0.1),
    ])
  func numbers(text: String, value: Double) throws {
    #expect(try JSONReader.parse(text) == .number(value))
  }

  @Test(
    "bad numbers",
    arguments: [
      ("01", "line 1, column 1: a number may not start with 0"),
      ("1.", "line 1, column 3: expected digits after the decimal point"),
      ("-", "line 1, column 2: expected digits in a number"),
      ("1e", "line 1, column 3: expected digits in the exponent"),
      ("1e999", "line 1, column 1: the number 1e999 is out of range"),
      ("+1", "line 1, column 1: expected a value, found '+'"),
      (".5", "line 1, column 1: expected a value, found '.'"),
      // The member is named, and what some writers put for a number is called by its name.
      (#"{"n": 1e999}"#, #"line 1, column 7: the number 1e999 for "n" is out of range"#),
      (
        #"{"eventCount": NaN}"#,
        #"line 1, column 16: expected a value for "eventCount", found 'N'; NaN and Infinity are not JSON numbers"#
      ),
      ("[-Infinity]", "line 1, column 2: expected a value, found '-'; NaN and Infinity are not JSON numbers"),
      ("-x", "line 1, column 2: expected digits in a number"),
    ])
  func badNumbers(text: String, message: String) {
    #expect(error(text) == message)
  }

  @Test("objects keep members in file order, duplicates included")
  func objects() throws {
    let value = try JSONReader.parse(#"{"b": [true, false, null], "a": 1, "a": 2}"#)
    guard case .object(let members) = value else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.key) == ["b", "a", "a"])
    #expect(value["a"] == .number(1))
    #expect(value["b"] == .array([.bool(true), .bool(false), .null]))
    #expect(value["c"] == nil)
    #expect(value.typeName == "object")
    #expect(JSONValue.array([]).typeName == "array")
    // Member order matters for equality.
    #expect(try JSONReader.parse(#"{"a":1,"b":2}"#) != (try JSONReader.parse(#"{"b":2,"a":1}"#)))
  }

  /// `JSONValue(from:)` through `JSONDecoder` (how a checklist snapshot in an export is read) gives every
  /// value the kind the strict reader gives it: strings that look like numbers, booleans or null stay
  /// strings, and numbers, booleans and null are not strings (issue 13 tries a string first).
  @Test("decoding through JSONDecoder gives each value its kind, members sorted by key")
  func decodingGivesEachValueItsKind() throws {
    let text = #"""
      {"s": "text", "n": 1.5, "i": 12, "neg": -3e2, "t": true, "f": false, "z": null, "e": "",
       "sn": "1", "st": "true", "sz": "null", "so": "{}", "sa": "[]", "o": {"vi": "Thẻ", "en": {"k": [1, "1", null]}},
       "a": [[], {}, "", 0, false, null, [["x"]]], "u": "\u00e9\ud83d\ude00"}
      """#
    let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    func sortedMembers(_ value: JSONValue) -> JSONValue {
      switch value {
      case .object(let members):
        .object(members.map { ($0.key, sortedMembers($0.value)) }.sorted { $0.0 < $1.0 })
      case .array(let elements): .array(elements.map(sortedMembers))
      default: value
      }
    }
    #expect(decoded == sortedMembers(try JSONReader.parse(text)))
    for scalar in ["\"x\"", "2", "true", "null", "[]", "{}"] {
      #expect(
        try JSONDecoder().decode(JSONValue.self, from: Data(scalar.utf8)) == (try JSONReader.parse(scalar)))
    }
  }
}
