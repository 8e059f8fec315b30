import KyCuong
import KyCuongSupport

/// What a cell of a spreadsheet holds: text, a number or a truth value. A blank cell holds nothing and is
/// `nil` wherever a cell is read.
public enum CellValue: Hashable, Sendable, CustomStringConvertible {
  /// Text.
  case text(String)
  /// A number (a spreadsheet stores dates as numbers too: days since its epoch).
  case number(Double)
  /// `TRUE` or `FALSE`.
  case bool(Bool)

  /// The value as a person typed it: the text, the number without needless decimals, `TRUE` or `FALSE`.
  public var description: String {
    switch self {
    case .text(let text): text
    case .number(let number): CanonicalJSON.ecmaScriptString(number)
    case .bool(let flag): flag ? "TRUE" : "FALSE"
    }
  }

  /// The value quoted for a message: `"heavy"`, `1.5`, `TRUE`.
  var quoted: String {
    switch self {
    case .text(let text): "\"\(text)\""
    case .number, .bool: description
    }
  }

  /// Whether the cell counts as blank: no value, or text of white space only.
  var isBlank: Bool {
    if case .text(let text) = self { return text.allSatisfy(\.isWhitespace) }
    return false
  }
}
