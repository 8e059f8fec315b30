import Foundation

/// `xl/workbook.xml`: the sheets in tab order, each with the relationship id of its part, and the date
/// system.
final class WorkbookPart: XMLPartHandler {
  /// A sheet as the workbook lists it.
  struct SheetEntry {
    var name: String
    var relationship: String
  }

  private(set) var sheets: [SheetEntry] = []
  /// Whether dates count from 1904 (old Mac workbooks) rather than 1900.
  private(set) var date1904 = false

  /// Reads the workbook part.
  ///
  /// - Parameters:
  ///   - data: The part's bytes.
  ///   - part: Its path, for messages.
  /// - Returns: The part as read: its ``sheets`` in tab order and its ``date1904``.
  /// - Throws: ``SpreadsheetError/malformedXML(part:line:column:reason:)`` when the part is not
  ///   well-formed XML, ``SpreadsheetError/unsupportedEncoding(part:)`` when it is not UTF-8,
  ///   ``SpreadsheetError/documentTypeDeclaration(part:)`` when it declares a document type.
  static func read(_ data: Data, part: String) throws(SpreadsheetError) -> WorkbookPart {
    let reader = WorkbookPart()
    try XMLPart.parse(data, part: part, into: reader)
    return reader
  }

  func start(_ name: String, attributes: [String: String]) throws(SpreadsheetError) {
    switch name {
    case "sheet":
      if let sheetName = attributes["name"], let relationship = attributes["id"] {
        sheets.append(SheetEntry(name: XMLText.unescaped(sheetName), relationship: relationship))
      }
    case "workbookPr":
      date1904 = attributes["date1904"] == "1" || attributes["date1904"] == "true"
    default: break
    }
  }

  func end(_ name: String) throws(SpreadsheetError) {}

  func characters(_ text: String) {}
}
