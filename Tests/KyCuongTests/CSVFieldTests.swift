import Foundation
import Testing

@testable import KyCuongSupport

@Suite("CSV fields")
struct CSVFieldTests {
  @Test(
    "a field a spreadsheet would read as a formula is prefixed with a quote, OWASP's way; the value stays readable",
    arguments: [
      ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3", "'-2+3"),
      ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""),
      ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
      ("UBND phường Hàng Bạc", "UBND phường Hàng Bạc"), ("a, b", "\"a, b\""), ("74.1", "74.1"),
      ("", ""), ("x=1", "x=1"),
    ])
  func neutralised(text: String, field: String) {
    #expect(CSVField.escaped(text) == field)
  }

  @Test(
    "a quote or comma joined by a combining mark into one Character is still quoted and doubled (found by the csvfield fuzzer)",
    arguments: [
      ("\"\u{0659}", "\"\"\"\u{0659}\""), ("a\"\u{0301}b", "\"a\"\"\u{0301}b\""),
      (",\u{0301}", "\",\u{0301}\""), ("x\n\u{0301}", "\"x\n\u{0301}\""),
    ])
  func combiningMarks(text: String, field: String) {
    #expect(Array(CSVField.escaped(text).unicodeScalars) == Array(field.unicodeScalars))
  }
}
