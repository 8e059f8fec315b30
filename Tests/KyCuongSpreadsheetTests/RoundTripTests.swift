import Foundation
import KyCuong
import KyCuongSpreadsheet
import Testing

@Suite("JSON → XLSX → JSON")
struct RoundTripTests {
  @Test("each standard checklist comes back byte for byte", arguments: StandardFiles.names)
  func standardChecklist(name: String) throws {
    let file = try StandardFiles.file(name)
    let xlsx = try ChecklistSpreadsheet.xlsxData(for: file.checklist, schema: file.schema)
    let imported = try ChecklistSpreadsheet.checklist(from: Spreadsheet(xlsx: xlsx))
    #expect(imported == file)
    #expect(imported.data == (try StandardFiles.data(name)))
  }
}
