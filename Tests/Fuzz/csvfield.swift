import Foundation
import KyCuong
import KyCuongSupport

/// Fuzz target: the CSV writer's field (`CSVField.escaped`, which every CSV KyCuong writes goes through).
/// Any text: read back (RFC 4180), the field is the text itself, or the text after a `'` when the text
/// begins with a formula character (`=`, `+`, `-`, `@`, tab, CR); it never begins with one; a field that
/// holds a comma, quote, CR or LF is quoted; escaping is deterministic; two fields joined by a comma read back
/// as those two fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVField(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let text = String(decoding: FuzzInput.data(pointer, count), as: UTF8.self)
  let field = CSVField.escaped(text)
  if CSVField.escaped(text) != field { fatalError("escaping differs between two runs") }
  let formula = text.unicodeScalars.first.map { ["=", "+", "-", "@", "\t", "\r"].contains($0) } ?? false
  let expected = formula ? "'" + text : text
  let special = expected.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
  // By scalar: a quote followed by a combining mark is one Character that `hasPrefix("\"")` would not see.
  let quoted = field.unicodeScalars.first == "\""
  if special != quoted { fatalError("quoted: \(quoted), needed: \(special)") }
  let fields = CSVFields.parse(field + "," + field + "\r\n")
  if fields != [expected, expected] {
    fatalError("\(text.debugDescription) written \(field.debugDescription) reads back as \(fields)")
  }
  if let first = fields[0].unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
    fatalError("the field begins with a formula character: \(field.debugDescription)")
  }
  return 0
}
