import Foundation

extension Spreadsheet {
  /// Reads an XLSX workbook (Office Open XML, as Excel, LibreOffice and Google Sheets save it): every
  /// worksheet, in tab order, with shared and inline strings, numbers, truth values, and dates as the
  /// sheet shows them (`2025-06-30`, `2025-06`, `2025`). A formula cell is read for the value it last had.
  ///
  /// The file is refused, with the reason, when it is over a limit of `limits` (a zip bomb stops when its
  /// parts unpack past ``SpreadsheetLimits/unpackedSize``), is not a zip, or has a part that is not UTF-8 or
  /// declares a document type (entities that could expand without bound).
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - limits: How much is read before the file is refused.
  /// - Throws: ``SpreadsheetError``.
  public init(xlsx data: Data, limits: SpreadsheetLimits = .standard) throws(SpreadsheetError) {
    var archive = try WorkbookArchive(data: data, limits: limits)
    var workbookPath = "xl/workbook.xml"
    if archive.contains("_rels/.rels") {
      let package = try RelationshipsPart.read(archive.read("_rels/.rels"), part: "_rels/.rels", source: "")
      if let office = package.first(where: { $0.type.hasSuffix("/officeDocument") }) {
        workbookPath = office.target
      }
    }
    let workbook = try WorkbookPart.read(archive.read(workbookPath), part: workbookPath)
    let relationshipsPath = RelationshipsPart.path(of: workbookPath)
    let relationships =
      archive.contains(relationshipsPath)
      ? try RelationshipsPart.read(
        archive.read(relationshipsPath), part: relationshipsPath, source: workbookPath) : []
    func part(_ type: String) -> String? {
      relationships.first { $0.type.hasSuffix("/" + type) && archive.contains($0.target) }?.target
    }
    let strings =
      try part("sharedStrings").map { path throws(SpreadsheetError) in
        try SharedStringsPart.read(archive.read(path), part: path, limit: limits.rows * limits.columns)
      } ?? []
    let dateFormats =
      try part("styles").map { path throws(SpreadsheetError) in
        try StylesPart.read(archive.read(path), part: path)
      } ?? []
    var sheets: [Sheet] = []
    for entry in workbook.sheets {
      guard let relationship = relationships.first(where: { $0.id == entry.relationship }) else {
        throw .missingSheet(entry.name)
      }
      // Chart sheets and dialog sheets hold no cells.
      guard relationship.type.hasSuffix("/worksheet") else { continue }
      guard archive.contains(relationship.target) else { throw .missingSheet(entry.name) }
      sheets.append(
        try WorksheetPart.read(
          archive.read(relationship.target), part: relationship.target, name: entry.name, strings: strings,
          dateFormats: dateFormats, date1904: workbook.date1904, limits: limits))
    }
    self.init(sheets: sheets)
  }
}
