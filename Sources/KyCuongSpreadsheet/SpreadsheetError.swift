/// Why a file could not be read as a spreadsheet, or a workbook not written. The cells of a workbook that
/// was read are checked later, against the checklist layout (``ChecklistSpreadsheetError``).
public enum SpreadsheetError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file is larger than the limit.
  case fileTooLarge(size: Int, limit: Int)
  /// The file is not a zip archive, so not an XLSX workbook; `legacy` when it is an OLE compound file (an
  /// `.xls` workbook, or an `.xlsx` protected by a password, which Excel stores that way).
  case notAWorkbook(legacy: Bool)
  /// The zip lists more entries than the limit.
  case tooManyEntries(limit: Int)
  /// The parts read would unpack to more than the limit (a zip bomb, or a workbook far larger than any
  /// checklist).
  case unpackedTooLarge(part: String, limit: Int)
  /// A part the workbook needs is missing.
  case missingPart(String)
  /// A part cannot be unpacked: its data is damaged or its checksum does not match.
  case damagedPart(String)
  /// A part is not well-formed XML.
  case malformedXML(part: String, line: Int, column: Int, reason: String)
  /// A part declares a document type (a DTD, and with it entities that could expand without bound); no
  /// spreadsheet part needs one.
  case documentTypeDeclaration(part: String)
  /// A part is in an encoding other than UTF-8.
  case unsupportedEncoding(part: String)
  /// The workbook lists no sheet, or a sheet whose part cannot be found.
  case missingSheet(String)
  /// A cell lies past the most rows or columns a sheet may have.
  case sheetTooLarge(CellReference, rows: Int, columns: Int)
  /// A cell holds more characters than the limit.
  case cellTooLong(CellReference, limit: Int)
  /// A cell that refers to a shared string the workbook does not have.
  case badSharedString(CellReference)
  /// A cell holds a formula error (`#DIV/0!`, `#REF!`…) rather than a value.
  case formulaError(CellReference, String)
  /// A cell's number is not a number.
  case badNumber(CellReference, String)
  /// A CSV file is not UTF-8 at `line`.
  case csvNotUTF8(line: Int)
  /// A CSV file has a quote that is not closed, or text after a closing quote, at `line`.
  case malformedCSV(line: Int, reason: String)
  /// A text cannot be written to a cell: it is longer than the limit (`field` names it).
  case textTooLong(field: String, length: Int, limit: Int)
  /// The zip archive could not be written.
  case cannotWrite(String)

  /// What is wrong, and what to do.
  public var description: String {
    switch self {
    case .fileTooLarge(let size, let limit):
      "the file is \(size) bytes, over the limit of \(limit) bytes for a spreadsheet"
    case .notAWorkbook(let legacy):
      legacy
        ? "not an XLSX workbook: an old .xls workbook, or one protected by a password; save it as .xlsx without a password"
        : "not an XLSX workbook (an XLSX file is a zip archive); save it from the spreadsheet as .xlsx, or as .csv"
    case .tooManyEntries(let limit):
      "the zip archive lists more than \(limit) entries; no workbook needs so many"
    case .unpackedTooLarge(let part, let limit):
      "\(part) unpacks to more than the limit of \(limit) bytes for the whole workbook (a zip bomb, or far more than a checklist)"
    case .missingPart(let part): "the workbook has no part \(part); it is damaged or not a spreadsheet"
    case .damagedPart(let part): "\(part) is damaged: it cannot be unpacked, or its checksum does not match"
    case .malformedXML(let part, let line, let column, let reason):
      "\(part): not well-formed XML at line \(line), column \(column): \(reason)"
    case .documentTypeDeclaration(let part):
      "\(part) declares a document type (DTD) with its entities; a spreadsheet never needs one, so it is refused"
    case .unsupportedEncoding(let part): "\(part) is not UTF-8, the encoding of every XLSX workbook"
    case .missingSheet(let name): "the workbook's sheet \"\(name)\" has no part; the workbook is damaged"
    case .sheetTooLarge(let cell, let rows, let columns):
      "\(cell): past the limit of \(rows) rows and \(columns) columns a sheet; a checklist is far smaller"
    case .cellTooLong(let cell, let limit): "\(cell): the cell holds more than \(limit) characters"
    case .badSharedString(let cell): "\(cell): the cell refers to a shared string the workbook does not have"
    case .formulaError(let cell, let code):
      "\(cell): the cell holds the formula error \(code); type the value itself"
    case .badNumber(let cell, let text): "\(cell): \"\(text)\" is stored as a number but is not one"
    case .csvNotUTF8(let line): "line \(line): the file is not UTF-8; save the CSV as \"CSV UTF-8\""
    case .malformedCSV(let line, let reason): "line \(line): \(reason)"
    case .textTooLong(let field, let length, let limit):
      "\(field) is \(length) characters long; a spreadsheet cell holds at most \(limit)"
    case .cannotWrite(let reason): "the workbook cannot be written: \(reason)"
    }
  }
}
