import Foundation

/// One field of a CSV record (RFC 4180), safe to open in a spreadsheet.
///
/// A field that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be read by a spreadsheet
/// as a formula ("CSV injection"); as OWASP recommends, it is prefixed with a single quote, which the
/// spreadsheet shows as text and which leaves the value readable. A field holding a comma, a quote, a CR or
/// an LF is quoted, with its quotes doubled.
///
/// ```swift
/// CSVField.escaped("=HYPERLINK(\"x\")")   // "'=HYPERLINK(""x"")" (quoted)
/// CSVField.escaped("UBND phường Hàng Bạc") // unchanged
/// ```
package enum CSVField {
  /// The characters that start a formula.
  static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// `text` as one CSV field.
  package static func escaped(_ text: String) -> String {
    var value = text
    if let first = text.unicodeScalars.first, formulaStarts.contains(first) { value = "'" + text }
    if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return value
  }
}
