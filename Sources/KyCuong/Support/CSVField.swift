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

  /// The characters that make a field quoted.
  static let quotedBy: Set<Unicode.Scalar> = [",", "\"", "\n", "\r"]

  /// `text` as one CSV field.
  ///
  /// Quotes, commas and line breaks are looked for scalar by scalar, not by `Character`: a quote followed by a
  /// combining mark is one `Character` that is not `"`, yet a CSV reader sees its quote.
  package static func escaped(_ text: String) -> String {
    var value = text
    if let first = text.unicodeScalars.first, formulaStarts.contains(first) { value = "'" + text }
    guard value.unicodeScalars.contains(where: quotedBy.contains) else { return value }
    var quoted = String.UnicodeScalarView()
    quoted.append("\"")
    for scalar in value.unicodeScalars {
      quoted.append(scalar)
      if scalar == "\"" { quoted.append("\"") }
    }
    quoted.append("\"")
    return String(quoted)
  }
}
