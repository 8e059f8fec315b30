/// Text in the XML of a workbook: XML's own escapes, and OOXML's `_xHHHH_` escapes for the characters XML
/// cannot hold (control characters, a carriage return that XML would turn into a line feed).
enum XMLText {
  /// `text` for an element's content or an attribute's value: `&`, `<`, `>`, `"` escaped, and characters
  /// XML 1.0 cannot hold written as `_xHHHH_` (with a literal `_x` that looks like one escaped as `_x005F_`).
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "_" where looksLikeEscape(scalars, at: index): result += "_x005F_"
      case "\t", "\n": result.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          result += "_x" + hex(scalar.value) + "_"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// `text` with OOXML's `_xHHHH_` escapes decoded (XML's own escapes are already decoded by the parser).
  static func unescaped(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if looksLikeEscape(scalars, at: index),
        let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        result.append(scalar)
        index += 7
      } else {
        result.append(scalars[index])
        index += 1
      }
    }
    return String(result)
  }

  /// Whether `_xHHHH_` starts at `index`.
  private static func looksLikeEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x",
      scalars[index + 6] == "_"
    else { return false }
    return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
