import Foundation
import KyCuong
import KyCuongSpreadsheet
import Testing
import ZIPFoundation

/// Files that are not the workbooks they claim to be, or are built to exhaust memory: each is refused with
/// its reason, before it is unpacked or expanded.
@Suite("Hostile workbooks and CSV files")
struct HostileWorkbookTests {
  /// A zip of `parts`, written with deflate, as a person or a tool could make it.
  static func zip(_ parts: [(path: String, data: Data)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for part in parts {
      try archive.addEntry(
        with: part.path, type: .file, uncompressedSize: Int64(part.data.count), compressionMethod: .deflate
      ) { position, size in
        part.data.subdata(in: Int(position)..<min(Int(position) + size, part.data.count))
      }
    }
    return try #require(archive.data)
  }

  /// The parts of a standard checklist's workbook, as `kycuong checklist export` writes them.
  static func standardParts() throws -> [(path: String, data: Data)] {
    let data = try Workbooks.standard().xlsxData()
    let archive = try Archive(data: data, accessMode: .read)
    return try archive.map { entry in
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      return (entry.path, bytes)
    }
  }

  /// `parts` with the part at `path` replaced by `data`.
  static func replacing(
    _ path: String, with data: Data, in parts: [(path: String, data: Data)]
  )
    -> [(path: String, data: Data)]
  {
    parts.map { $0.path == path ? (path, data) : $0 }
  }

  func refusal(_ body: () throws(SpreadsheetError) -> Spreadsheet) -> SpreadsheetError? {
    do {
      _ = try body()
      return nil
    } catch {
      return error
    }
  }

  @Test("a zip bomb: 1 GiB of zeros in a sheet stops at the unpacked limit, not after")
  func zipBomb() throws {
    // 64 MiB of zeros deflate to about 64 KiB; the limit below is 8 MiB, so reading must stop early.
    let zeros = Data(count: 64 * 1024 * 1024)
    let parts = Self.replacing("xl/worksheets/sheet1.xml", with: zeros, in: try Self.standardParts())
    let bomb = try Self.zip(parts)
    #expect(bomb.count < 1024 * 1024)
    let limits = SpreadsheetLimits(unpackedSize: 8 * 1024 * 1024)
    let error = refusal { () throws(SpreadsheetError) in try Spreadsheet(xlsx: bomb, limits: limits) }
    #expect(error == .unpackedTooLarge(part: "xl/worksheets/sheet1.xml", limit: limits.unpackedSize))
  }

  @Test("billion laughs: a part that declares a document type is refused before it is parsed")
  func billionLaughs() throws {
    var laughs = #"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY lol "lol">"#
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
    }
    laughs +=
      #"]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>"#
    let parts = Self.replacing("xl/sharedStrings.xml", with: Data(laughs.utf8), in: try Self.standardParts())
    let workbook = try Self.zip(parts)
    let error = refusal { () throws(SpreadsheetError) in try Spreadsheet(xlsx: workbook) }
    #expect(error == .documentTypeDeclaration(part: "xl/sharedStrings.xml"))
  }

  @Test("an external entity (a file of the machine) is refused the same way")
  func externalEntity() throws {
    let xml =
      #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>"#
      + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&e;</t></si></sst>"#
    let parts = Self.replacing("xl/sharedStrings.xml", with: Data(xml.utf8), in: try Self.standardParts())
    let workbook = try Self.zip(parts)
    #expect(
      refusal { () throws(SpreadsheetError) in try Spreadsheet(xlsx: workbook) }
        == .documentTypeDeclaration(part: "xl/sharedStrings.xml"))
  }

  @Test("a sheet past the row limit, at the first cell beyond it")
  func hugeSheet() throws {
    var rows = ""
    for row in 1...200 {
      rows += #"<row r="\#(row)"><c r="A\#(row)" t="inlineStr"><is><t>x</t></is></c></row>"#
    }
    let sheet =
      #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
      + rows + "</sheetData></worksheet>"
    let parts = Self.replacing(
      "xl/worksheets/sheet1.xml", with: Data(sheet.utf8), in: try Self.standardParts())
    let workbook = try Self.zip(parts)
    let limits = SpreadsheetLimits(rows: 100)
    let error = refusal { () throws(SpreadsheetError) in try Spreadsheet(xlsx: workbook, limits: limits) }
    guard case .sheetTooLarge(let cell, rows: 100, columns: _)? = error else {
      Issue.record("expected sheetTooLarge, got \(String(describing: error))")
      return
    }
    #expect(cell.row == 101)
  }

  @Test("not a workbook: a text file, an old .xls, an empty file, a truncated zip")
  func notAWorkbook() throws {
    #expect(
      refusal { () throws(SpreadsheetError) in try Spreadsheet(xlsx: Data("id,section\n".utf8)) }
        == .notAWorkbook(legacy: false))
    let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
    #expect(
      refusal { () throws(SpreadsheetError) in try Spreadsheet(xlsx: ole) } == .notAWorkbook(legacy: true))
    #expect(
      refusal { () throws(SpreadsheetError) in try Spreadsheet(xlsx: Data()) } == .notAWorkbook(legacy: false)
    )
    let whole = try Workbooks.standard().xlsxData()
    let truncated = whole.prefix(whole.count / 2)
    let error = refusal { () throws(SpreadsheetError) in try Spreadsheet(xlsx: Data(truncated)) }
    #expect(error != nil)
  }

  @Test("a file over the size limit is refused before it is opened")
  func fileTooLarge() throws {
    let data = try Workbooks.standard().xlsxData()
    let limits = SpreadsheetLimits(fileSize: 1000)
    #expect(
      refusal { () throws(SpreadsheetError) in try Spreadsheet(xlsx: data, limits: limits) }
        == .fileTooLarge(size: data.count, limit: 1000))
  }

  @Test("a cell that holds a formula error, at its address")
  func formulaError() throws {
    let sheet =
      #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
      + #"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>"#
      + "</sheetData></worksheet>"
    let parts = Self.replacing(
      "xl/worksheets/sheet1.xml", with: Data(sheet.utf8), in: try Self.standardParts())
    let workbook = try Self.zip(parts)
    let error = refusal { () throws(SpreadsheetError) in try Spreadsheet(xlsx: workbook) }
    guard case .formulaError(let cell, "#DIV/0!")? = error else {
      Issue.record("expected formulaError, got \(String(describing: error))")
      return
    }
    #expect(cell.column == 2 && cell.row == 1)
  }

  @Test("wrong types at their cells: a truth value where a weight goes, a number where an id goes")
  func wrongTypes() throws {
    var workbook = try Workbooks.standard()
    try workbook.set("items", "BADGE-01", "weight", .bool(true))
    try workbook.set("items", "BADGE-02", "critical", .number(7))
    let problems = Workbooks.problems(workbook)
    #expect(problems.count == 2, "\(problems)")
    #expect(problems.first?.hasPrefix(try workbook.address("items", "BADGE-01", "weight")) == true)
    #expect(problems.last?.hasPrefix(try workbook.address("items", "BADGE-02", "critical")) == true)
  }

  // MARK: - CSV

  @Test("CSV: a byte order mark, quoted separators, line breaks and doubled quotes, CRLF")
  func csvQuoting() throws {
    let text =
      "\u{FEFF}id,text::vi\r\nA-01,\"Có đeo thẻ, đúng quy định\"\r\nA-02,\"dòng 1\ndòng \"\"2\"\"\"\r\n"
    let sheet = try #require(try Spreadsheet(csv: Data(text.utf8), sheet: "items").sheets.first)
    #expect(sheet.rows.count == 3)
    #expect(sheet.rows[0] == [.text("id"), .text("text::vi")])
    #expect(sheet.rows[1] == [.text("A-01"), .text("Có đeo thẻ, đúng quy định")])
    #expect(sheet.rows[2] == [.text("A-02"), .text("dòng 1\ndòng \"2\"")])
  }

  @Test("CSV: semicolons as a Vietnamese-language spreadsheet saves it")
  func csvSemicolons() throws {
    let text = "id;weight\nA-01;1,5\n"
    let sheet = try #require(try Spreadsheet(csv: Data(text.utf8), sheet: "items").sheets.first)
    #expect(sheet.rows == [[.text("id"), .text("weight")], [.text("A-01"), .text("1,5")]])
  }

  @Test("CSV: not UTF-8 (Windows-1258), a quote never closed, text after a closing quote — each at its line")
  func csvRefusals() throws {
    let latin = Data("id,text\nA-01,".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8)
    #expect(
      refusal { () throws(SpreadsheetError) in try Spreadsheet(csv: latin, sheet: "items") }
        == .csvNotUTF8(line: 2))
    let open = Data("id,text\nA-01,\"never closed\n".utf8)
    guard
      case .malformedCSV(line: 2, _)? = refusal({ () throws(SpreadsheetError) in
        try Spreadsheet(csv: open, sheet: "items")
      })
    else {
      Issue.record("an unclosed quote is not refused at line 2")
      return
    }
    let after = Data("id,text\nA-01,\"closed\"x\n".utf8)
    guard
      case .malformedCSV(line: 2, _)? = refusal({ () throws(SpreadsheetError) in
        try Spreadsheet(csv: after, sheet: "items")
      })
    else {
      Issue.record("text after a closing quote is not refused at line 2")
      return
    }
  }

  @Test("CSV: the items of a workbook replaced by a CSV file import as the workbook did")
  func csvReplacesItems() throws {
    var workbook = try Workbooks.standard()
    let items = try #require(workbook[sheet: "items"])
    let csv = items.rows.map { row in
      row.map { cell -> String in
        let text = cell?.description ?? ""
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      }.joined(separator: ",")
    }.joined(separator: "\r\n")
    let original = try ChecklistSpreadsheet.checklist(from: workbook)
    workbook.merge(try Spreadsheet(csv: Data(csv.utf8), sheet: "items"))
    #expect(try ChecklistSpreadsheet.checklist(from: workbook).checklist == original.checklist)
  }
}
