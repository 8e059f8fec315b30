import Foundation

/// How the text of a cell is read as a number, a truth value or a list, whether it came from an XLSX cell
/// or a CSV field (where every cell is text).
enum CellReading {
  /// A number written `1.5`, `-2`, `1e3`, or with a decimal comma `1,5`; nothing else (no `nan`, no hex).
  static func number(_ text: String) -> Double? {
    var written = text.trimmingCharacters(in: .whitespaces)
    if !written.contains("."), written.filter({ $0 == "," }).count == 1 {
      written = written.replacingOccurrences(of: ",", with: ".")
    }
    var digits = 0
    for (index, character) in written.enumerated() {
      switch character {
      case "0"..."9": digits += 1
      case "-", "+": guard index == 0 || "eE".contains(Array(written)[index - 1]) else { return nil }
      case ".", "e", "E": continue
      default: return nil
      }
    }
    guard digits > 0, let number = Double(written), number.isFinite else { return nil }
    return number
  }

  /// A truth value: `true`/`false`, `yes`/`no`, `có`/`không`, `x`, `1`/`0`, in any case.
  static func bool(_ text: String) -> Bool? {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "true", "yes", "có", "x", "1": true
    case "false", "no", "không", "0": false
    default: nil
    }
  }

  /// The entries of a list written with commas, semicolons, spaces or line breaks between them.
  static func list(_ text: String) -> [String] {
    text.split { $0 == "," || $0 == ";" || $0.isWhitespace }.map(String.init)
  }
}
