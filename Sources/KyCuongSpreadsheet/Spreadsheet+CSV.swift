import Foundation

extension Spreadsheet {
  /// Reads a CSV file (RFC 4180) as a workbook of one sheet named `sheet`: UTF-8 with or without a byte
  /// order mark; fields separated by commas, or by semicolons or tabs when the first line is written so
  /// (as a spreadsheet set to a language with a decimal comma saves it); a field in double quotes may hold
  /// separators, line breaks and doubled quotes (`""`); lines end in CRLF, LF or CR. Every cell is text.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - sheet: The name the sheet takes (`items`).
  ///   - limits: How much is read before the file is refused.
  /// - Throws: ``SpreadsheetError`` for a file that is not UTF-8, has a quote that is never closed or text
  ///   after a closing quote, or is over a limit.
  public init(csv data: Data, sheet: String, limits: SpreadsheetLimits = .standard) throws(SpreadsheetError) {
    guard data.count <= limits.fileSize else { throw .fileTooLarge(size: data.count, limit: limits.fileSize) }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var reader = CSVReader(bytes: bytes, limits: limits, sheet: sheet)
    self.init(sheets: [try reader.read()])
  }
}

/// The state of reading one CSV file.
private struct CSVReader {
  let bytes: [UInt8]
  let limits: SpreadsheetLimits
  let sheetName: String
  var position = 0
  var line = 1

  init(bytes: [UInt8], limits: SpreadsheetLimits, sheet: String) {
    self.bytes = bytes
    self.limits = limits
    self.sheetName = sheet
  }

  static let quote = UInt8(ascii: "\"")
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")

  /// The separator the first line uses: a comma, unless the line has none outside quotes and has a
  /// semicolon or a tab.
  func separator() -> UInt8 {
    var quoted = false
    var semicolons = 0
    var tabs = 0
    for byte in bytes {
      if byte == Self.quote {
        quoted.toggle()
      } else if !quoted {
        switch byte {
        case UInt8(ascii: ","): return byte
        case UInt8(ascii: ";"): semicolons += 1
        case UInt8(ascii: "\t"): tabs += 1
        case Self.newline, Self.carriageReturn:
          return semicolons > 0 ? UInt8(ascii: ";") : tabs > 0 ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        default: break
        }
      }
    }
    return semicolons > 0 ? UInt8(ascii: ";") : tabs > 0 ? UInt8(ascii: "\t") : UInt8(ascii: ",")
  }

  mutating func read() throws(SpreadsheetError) -> Sheet {
    let separator = separator()
    var rows: [[CellValue?]] = []
    var row: [CellValue?] = []
    var atEnd = bytes.isEmpty
    while !atEnd {
      let fieldLine = line
      let field = try readField(separator: separator)
      guard let text = String(validating: field.bytes, as: UTF8.self) else {
        throw .csvNotUTF8(line: fieldLine)
      }
      let cell = CellReference(sheet: sheetName, row: rows.count + 1, column: row.count + 1)
      if text.utf16.count > limits.cellLength { throw .cellTooLong(cell, limit: limits.cellLength) }
      if !text.isEmpty, cell.column > limits.columns || cell.row > limits.rows {
        throw .sheetTooLarge(cell, rows: limits.rows, columns: limits.columns)
      }
      row.append(text.isEmpty ? nil : .text(text))
      switch field.end {
      case .separator: continue
      case .line, .file:
        if row.contains(where: { $0 != nil }) {
          while row.last == .some(nil) { row.removeLast() }
        } else {
          row = []
        }
        rows.append(row)
        row = []
        atEnd = field.end == .file
      }
    }
    while rows.last?.isEmpty == true { rows.removeLast() }
    return Sheet(name: sheetName, rows: rows)
  }

  enum FieldEnd { case separator, line, file }

  /// The bytes of the next field and what ends it.
  mutating func readField(separator: UInt8) throws(SpreadsheetError) -> (bytes: [UInt8], end: FieldEnd) {
    var field: [UInt8] = []
    if position < bytes.count, bytes[position] == Self.quote {
      let opened = line
      position += 1
      while true {
        guard position < bytes.count else {
          throw .malformedCSV(line: opened, reason: "a quote opened on this line is never closed")
        }
        let byte = bytes[position]
        position += 1
        if byte == Self.quote {
          if position < bytes.count, bytes[position] == Self.quote {
            field.append(Self.quote)
            position += 1
            continue
          }
          break
        }
        if byte == Self.newline { line += 1 }
        field.append(byte)
      }
      guard let end = fieldEnd(separator: separator) else {
        throw .malformedCSV(
          line: line,
          reason: "text after a closing quote; a quote inside a quoted field is written twice (\"\")")
      }
      return (field, end)
    }
    while true {
      if let end = fieldEnd(separator: separator) { return (field, end) }
      field.append(bytes[position])
      position += 1
    }
  }

  /// Consumes what ends a field at `position`, if something does: a separator, a line break, the end.
  mutating func fieldEnd(separator: UInt8) -> FieldEnd? {
    guard position < bytes.count else { return .file }
    switch bytes[position] {
    case separator:
      position += 1
      return .separator
    case Self.carriageReturn:
      position += 1
      if position < bytes.count, bytes[position] == Self.newline { position += 1 }
      line += 1
      return position < bytes.count ? .line : .file
    case Self.newline:
      position += 1
      line += 1
      return position < bytes.count ? .line : .file
    default: return nil
    }
  }
}
