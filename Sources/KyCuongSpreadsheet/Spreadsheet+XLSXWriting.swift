import Foundation
import ZIPFoundation

extension Spreadsheet {
  /// The workbook as an XLSX file: a valid Office Open XML package (content types, relationships, the
  /// workbook, a worksheet part a sheet, shared strings and a minimal style sheet) that Excel, LibreOffice
  /// and Google Sheets open. The bytes depend only on the cells: the parts carry no time stamp.
  ///
  /// - Returns: The file's bytes.
  /// - Throws: ``SpreadsheetError/cannotWrite(_:)`` for a sheet name a spreadsheet does not allow (empty,
  ///   longer than 31 characters, with one of `[]:*?/\`, or the same as another's);
  ///   ``SpreadsheetError/textTooLong(field:length:limit:)`` for a text longer than the 32,767 characters
  ///   a cell holds.
  public func xlsxData() throws(SpreadsheetError) -> Data {
    try xlsxData(formats: [:])
  }

  /// The workbook as an XLSX file, each sheet laid out as `formats` says (by sheet name).
  func xlsxData(formats: [String: SheetFormat]) throws(SpreadsheetError) -> Data {
    var names: Set<String> = []
    for sheet in sheets {
      let forbidden = CharacterSet(charactersIn: "[]:*?/\\")
      guard !sheet.name.isEmpty, sheet.name.count <= 31, sheet.name.rangeOfCharacter(from: forbidden) == nil
      else { throw .cannotWrite("\"\(sheet.name)\" is not a sheet name a spreadsheet allows") }
      guard names.insert(Self.key(sheet.name)).inserted else {
        throw .cannotWrite("two sheets are named \"\(sheet.name)\"")
      }
      for (row, cells) in sheet.rows.enumerated() {
        for (column, cell) in cells.enumerated() {
          guard case .text(let text)? = cell, text.utf16.count > Self.cellLength else { continue }
          let reference = CellReference(sheet: sheet.name, row: row + 1, column: column + 1)
          throw .textTooLong(field: reference.description, length: text.utf16.count, limit: Self.cellLength)
        }
      }
    }
    var strings = SharedStrings()
    var parts: [(path: String, text: String)] = []
    for (index, sheet) in sheets.enumerated() {
      let format = formats[sheet.name] ?? SheetFormat(header: false)
      parts.append(
        (
          "xl/worksheets/sheet\(index + 1).xml",
          Self.worksheet(sheet, format: format, selected: index == 0, strings: &strings)
        ))
    }
    parts.insert(("[Content_Types].xml", contentTypes), at: 0)
    parts.insert(("_rels/.rels", Self.packageRelationships), at: 1)
    parts.insert(("xl/workbook.xml", workbook), at: 2)
    parts.insert(("xl/_rels/workbook.xml.rels", workbookRelationships), at: 3)
    parts.append(("xl/styles.xml", Self.styles))
    parts.append(("xl/sharedStrings.xml", strings.part))
    return try Self.zip(parts)
  }

  /// The most characters a cell holds in Excel (UTF-16 code units); a longer text would be cut.
  static let cellLength = 32_767

  private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
  private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  private static let relationshipNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  private static let packageRelationshipNamespace =
    "http://schemas.openxmlformats.org/package/2006/relationships"

  private var contentTypes: String {
    let ml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    var text = Self.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
    text +=
      #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
    text += #"<Default Extension="xml" ContentType="application/xml"/>"#
    text += #"<Override PartName="/xl/workbook.xml" ContentType="\#(ml).sheet.main+xml"/>"#
    for index in sheets.indices {
      text +=
        #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="\#(ml).worksheet+xml"/>"#
    }
    text += #"<Override PartName="/xl/styles.xml" ContentType="\#(ml).styles+xml"/>"#
    text += #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(ml).sharedStrings+xml"/>"#
    return text + "</Types>"
  }

  private static var packageRelationships: String {
    header + #"<Relationships xmlns="\#(packageRelationshipNamespace)">"#
      + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>"#
      + "</Relationships>"
  }

  private var workbook: String {
    var text = Self.header + #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.relationshipNamespace)">"#
    text += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
    for (index, sheet) in sheets.enumerated() {
      text +=
        #"<sheet name="\#(XMLText.escaped(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
    }
    return text + "</sheets></workbook>"
  }

  private var workbookRelationships: String {
    let type = Self.relationshipNamespace
    var text = Self.header + #"<Relationships xmlns="\#(Self.packageRelationshipNamespace)">"#
    for index in sheets.indices {
      text +=
        #"<Relationship Id="rId\#(index + 1)" Type="\#(type)/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
    }
    text += #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(type)/styles" Target="styles.xml"/>"#
    text +=
      #"<Relationship Id="rId\#(sheets.count + 2)" Type="\#(type)/sharedStrings" Target="sharedStrings.xml"/>"#
    return text + "</Relationships>"
  }

  /// Three cell formats: 0 plain, 1 the header (bold), 2 text that wraps, aligned to the top.
  private static var styles: String {
    header + #"<styleSheet xmlns="\#(main)">"#
      + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>"#
      + #"<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
      + #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
      + #"<fill><patternFill patternType="gray125"/></fill></fills>"#
      + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
      + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
      + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
      + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
      + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">"#
      + #"<alignment vertical="top" wrapText="1"/></xf></cellXfs>"#
      + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
      + "</styleSheet>"
  }

  private static func worksheet(
    _ sheet: Sheet, format: SheetFormat, selected: Bool, strings: inout SharedStrings
  ) -> String {
    let width = max(sheet.rows.map(\.count).max() ?? 0, format.widths.count, 1)
    let last = CellReference.columnName(width) + String(max(sheet.rowCount, 1))
    var text = header + #"<worksheet xmlns="\#(main)" xmlns:r="\#(relationshipNamespace)">"#
    text += #"<dimension ref="A1:\#(last)"/>"#
    text += #"<sheetViews><sheetView\#(selected ? #" tabSelected="1""# : "") workbookViewId="0">"#
    if format.header {
      text += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
      text += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
    }
    text += "</sheetView></sheetViews>"
    text += #"<sheetFormatPr defaultRowHeight="15"/>"#
    if !format.widths.isEmpty {
      text += "<cols>"
      for (index, columnWidth) in format.widths.enumerated() {
        text += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(columnWidth)" customWidth="1"/>"#
      }
      text += "</cols>"
    }
    text += "<sheetData>"
    for (rowIndex, cells) in sheet.rows.enumerated() where cells.contains(where: { $0 != nil }) {
      let row = rowIndex + 1
      text += #"<row r="\#(row)">"#
      for (columnIndex, cell) in cells.enumerated() {
        guard let cell else { continue }
        let column = columnIndex + 1
        let address = CellReference.columnName(column) + String(row)
        let style =
          row == 1 && format.header ? #" s="1""# : format.wrapped.contains(column) ? #" s="2""# : ""
        switch cell {
        case .text(let value):
          text += #"<c r="\#(address)"\#(style) t="s"><v>\#(strings.index(of: value))</v></c>"#
        case .number(let value):
          text += #"<c r="\#(address)"\#(style)><v>\#(CellValue.number(value).description)</v></c>"#
        case .bool(let value):
          text += #"<c r="\#(address)"\#(style) t="b"><v>\#(value ? 1 : 0)</v></c>"#
        }
      }
      text += "</row>"
    }
    return text + "</sheetData></worksheet>"
  }

  /// The parts zipped, deflated, in the order given, each dated 2000-01-01 so the bytes never depend on
  /// when they were written.
  private static func zip(_ parts: [(path: String, text: String)]) throws(SpreadsheetError) -> Data {
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      let date = Date(timeIntervalSince1970: 946_728_000)
      for part in parts {
        let bytes = Data(part.text.utf8)
        try archive.addEntry(
          with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
          compressionMethod: .deflate
        ) { position, size in
          bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
        }
      }
      guard let data = archive.data else { throw SpreadsheetError.cannotWrite("the zip archive is empty") }
      return data
    } catch let error as SpreadsheetError {
      throw error
    } catch {
      throw .cannotWrite("\(error)")
    }
  }
}

/// The shared strings of a workbook being written: each distinct text once, cells referring to it by index.
private struct SharedStrings {
  // Keyed by the UTF-8 bytes: a `String` key would merge texts that are only canonically equivalent (a
  // precomposed "ệ" and the same letter with combining marks), and a cell must keep the characters it had.
  private var indices: [[UInt8]: Int] = [:]
  private var texts: [String] = []
  private var references = 0

  mutating func index(of text: String) -> Int {
    references += 1
    let key = Array(text.utf8)
    if let index = indices[key] { return index }
    indices[key] = texts.count
    texts.append(text)
    return texts.count - 1
  }

  var part: String {
    var text =
      #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
      + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(references)" uniqueCount="\#(texts.count)">"#
    for string in texts {
      text += #"<si><t xml:space="preserve">\#(XMLText.escaped(string))</t></si>"#
    }
    return text + "</sst>"
  }
}
