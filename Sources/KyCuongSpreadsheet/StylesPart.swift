import Foundation

/// `xl/styles.xml`, read only for what it says of dates: a spreadsheet stores a date as a number of days
/// and tells it apart only by the cell's number format. Each cell format (`cellXfs`) is reduced to the
/// parts of a date its number format shows.
final class StylesPart: XMLPartHandler {
  /// What a number format shows of a date.
  enum DateFormat: Equatable {
    /// Year, month and day.
    case day
    /// Year and month (`mmm-yy`).
    case month
    /// The year alone.
    case year
  }

  private var customFormats: [Int: String] = [:]
  private var cellFormats: [Int] = []
  private var inCellFormats = false

  /// The date format of each cell style, by index; `nil` for a style that shows no date.
  ///
  /// - Parameters:
  ///   - data: The part's bytes.
  ///   - part: Its path, for messages.
  /// - Returns: One entry per cell format of `cellXfs`, in order: what its number format shows of a date, or
  ///   `nil`.
  /// - Throws: ``SpreadsheetError/malformedXML(part:line:column:reason:)`` when the part is not
  ///   well-formed XML, ``SpreadsheetError/unsupportedEncoding(part:)`` when it is not UTF-8,
  ///   ``SpreadsheetError/documentTypeDeclaration(part:)`` when it declares a document type.
  static func read(_ data: Data, part: String) throws(SpreadsheetError) -> [DateFormat?] {
    let reader = StylesPart()
    try XMLPart.parse(data, part: part, into: reader)
    return reader.cellFormats.map { id in
      if let code = reader.customFormats[id] { return dateFormat(code: code) }
      return builtInDateFormat(id)
    }
  }

  /// The built-in number formats that are dates (ECMA-376 part 1, 18.8.30): 14–17 and 22 show a day or a
  /// month; 27–36 and 50–58 are the East Asian date formats.
  static func builtInDateFormat(_ id: Int) -> DateFormat? {
    switch id {
    case 14, 15, 16, 22, 27...36, 50...58: .day
    case 17: .month
    default: nil
    }
  }

  /// What a format code shows of a date: its `y`, `m` and `d` outside quoted text, escapes and brackets;
  /// `nil` when it has no year and no day (a number, or a time).
  static func dateFormat(code: String) -> DateFormat? {
    var letters: Set<Character> = []
    var quoted = false
    var bracketed = false
    var escaped = false
    for character in code.lowercased() {
      if escaped {
        escaped = false
        continue
      }
      switch character {
      case "\\": escaped = true
      case "\"": quoted.toggle()
      case "[" where !quoted: bracketed = true
      case "]" where !quoted: bracketed = false
      default: if !quoted && !bracketed { letters.insert(character) }
      }
    }
    if letters.contains("d") { return .day }
    if letters.contains("y") { return letters.contains("m") ? .month : .year }
    return nil
  }

  func start(_ name: String, attributes: [String: String]) throws(SpreadsheetError) {
    switch name {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
        customFormats[id] = code
      }
    case "cellXfs": inCellFormats = true
    case "xf" where inCellFormats: cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
    default: break
    }
  }

  func end(_ name: String) throws(SpreadsheetError) {
    if name == "cellXfs" { inCellFormats = false }
  }

  func characters(_ text: String) {}
}
