import Foundation
import KyCuong

/// One worksheet part (`xl/worksheets/sheet1.xml`): its cells, with shared strings looked up, dates shown as
/// a spreadsheet shows them (`2025-06-30`), and every bound of ``SpreadsheetLimits`` kept while reading.
final class WorksheetPart: XMLPartHandler {
  private var sheet: Sheet
  private let strings: [String]
  private let dateFormats: [StylesPart.DateFormat?]
  private let date1904: Bool
  private let limits: SpreadsheetLimits
  private var row = 0
  private var column = 0
  private var type: String?
  private var style = 0
  private var value = ""
  private var inValue = false
  private var inInlineString = false
  private var inText = false
  private var phoneticDepth = 0

  private init(
    name: String, strings: [String], dateFormats: [StylesPart.DateFormat?], date1904: Bool,
    limits: SpreadsheetLimits
  ) {
    self.sheet = Sheet(name: name)
    self.strings = strings
    self.dateFormats = dateFormats
    self.date1904 = date1904
    self.limits = limits
  }

  /// Reads a worksheet part.
  ///
  /// - Parameters:
  ///   - data: The part's bytes.
  ///   - part: Its path, for messages.
  ///   - name: The sheet's name.
  ///   - strings: The workbook's shared strings.
  ///   - dateFormats: The date format of each cell style.
  ///   - date1904: Whether the workbook counts dates from 1904.
  ///   - limits: The bounds of a sheet.
  /// - Returns: The sheet named `name`, holding each cell that is not blank.
  /// - Throws: ``SpreadsheetError/malformedXML(part:line:column:reason:)`` when the part is not
  ///   well-formed XML, ``SpreadsheetError/unsupportedEncoding(part:)`` when it is not UTF-8,
  ///   ``SpreadsheetError/documentTypeDeclaration(part:)`` when it declares a document type;
  ///   ``SpreadsheetError/sheetTooLarge(_:rows:columns:)`` or ``SpreadsheetError/cellTooLong(_:limit:)``
  ///   for a cell past `limits`; ``SpreadsheetError/badSharedString(_:)``,
  ///   ``SpreadsheetError/formulaError(_:_:)`` or ``SpreadsheetError/badNumber(_:_:)`` for a cell whose
  ///   value cannot be read.
  static func read(
    _ data: Data, part: String, name: String, strings: [String], dateFormats: [StylesPart.DateFormat?],
    date1904: Bool, limits: SpreadsheetLimits
  ) throws(SpreadsheetError) -> Sheet {
    let reader = WorksheetPart(
      name: name, strings: strings, dateFormats: dateFormats, date1904: date1904, limits: limits)
    try XMLPart.parse(data, part: part, into: reader)
    return reader.sheet
  }

  func start(_ name: String, attributes: [String: String]) throws(SpreadsheetError) {
    switch name {
    case "row":
      row = attributes["r"].flatMap { Int($0) } ?? row + 1
      column = 0
    case "c":
      if let address = attributes["r"], let position = CellReference.position(of: address[...]) {
        row = position.row
        column = position.column
      } else {
        column += 1
      }
      type = attributes["t"]
      style = attributes["s"].flatMap { Int($0) } ?? 0
      value = ""
    case "v":
      inValue = true
      value = ""
    case "is":
      inInlineString = true
      value = ""
    case "rPh": phoneticDepth += 1
    case "t": inText = inInlineString && phoneticDepth == 0
    default: break
    }
  }

  func end(_ name: String) throws(SpreadsheetError) {
    switch name {
    case "v": inValue = false
    case "is": inInlineString = false
    case "rPh": phoneticDepth -= 1
    case "t": inText = false
    case "c": try finishCell()
    default: break
    }
  }

  func characters(_ text: String) {
    if inValue || inText { value += text }
  }

  private var reference: CellReference { CellReference(sheet: sheet.name, row: row, column: column) }

  private func finishCell() throws(SpreadsheetError) {
    guard let cell = try cellValue(), !cell.isBlank else { return }
    guard row >= 1, column >= 1, row <= limits.rows, column <= limits.columns else {
      throw .sheetTooLarge(reference, rows: limits.rows, columns: limits.columns)
    }
    if case .text(let text) = cell, text.utf16.count > limits.cellLength {
      throw .cellTooLong(reference, limit: limits.cellLength)
    }
    sheet[row, column] = cell
  }

  private func cellValue() throws(SpreadsheetError) -> CellValue? {
    switch type {
    case "s":
      guard let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index)
      else {
        throw .badSharedString(reference)
      }
      return .text(strings[index])
    case "inlineStr", "str", "d": return value.isEmpty ? nil : .text(XMLText.unescaped(value))
    case "b": return value.isEmpty ? nil : .bool(value.trimmingCharacters(in: .whitespaces) != "0")
    case "e": throw .formulaError(reference, value)
    default:
      let text = value.trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else { return nil }
      guard let number = Double(text), number.isFinite else { throw .badNumber(reference, text) }
      if style < dateFormats.count, let format = dateFormats[style], let date = date(serial: number) {
        switch format {
        case .day: return .text(date.description)
        case .month: return .text(date.monthDescription)
        case .year: return .text(String(date.year))
        }
      }
      return .number(number)
    }
  }

  /// The day of a date serial (its whole part; the fraction is a time of day), in the years 1900–9999.
  private func date(serial: Double) -> CalendarDate? {
    guard serial >= 0, serial < 2_958_466 else { return nil }
    var days = Int(serial.rounded(.down))
    if date1904 { return CalendarDate(year: 1904, month: 1, day: 1)?.adding(days: days) }
    // Day 0 of the 1900 system is 1899-12-30 for every serial after the 1900-02-29 it counts though it never
    // was; the serials before it are one day later.
    guard days >= 1 else { return nil }
    if days < 61 { days += 1 }
    return CalendarDate(year: 1899, month: 12, day: 30)?.adding(days: days)
  }
}
