/// How much of a spreadsheet file is read before it is refused: a checklist is a few hundred rows, so the
/// bounds sit far above any real one and far below what could exhaust memory (a zip bomb, a sheet of a
/// million rows).
public struct SpreadsheetLimits: Hashable, Sendable {
  /// The largest file read, in bytes.
  public var fileSize: Int
  /// The most bytes all the parts read may hold once unpacked (an XLSX file is a zip of XML parts).
  public var unpackedSize: Int
  /// The most entries the zip may list.
  public var entries: Int
  /// The most rows of a sheet that hold a value.
  public var rows: Int
  /// The most columns of a sheet that hold a value.
  public var columns: Int
  /// The most characters of one cell (Excel's own limit is 32,767).
  public var cellLength: Int

  /// Creates limits.
  ///
  /// - Parameters:
  ///   - fileSize: The largest file read, in bytes.
  ///   - unpackedSize: The most bytes the parts read may hold once unpacked.
  ///   - entries: The most entries the zip may list.
  ///   - rows: The most rows of a sheet that hold a value.
  ///   - columns: The most columns of a sheet that hold a value.
  ///   - cellLength: The most characters of one cell.
  public init(
    fileSize: Int = 16 * 1024 * 1024, unpackedSize: Int = 64 * 1024 * 1024, entries: Int = 1000,
    rows: Int = 10_000, columns: Int = 100, cellLength: Int = 32_767
  ) {
    self.fileSize = fileSize
    self.unpackedSize = unpackedSize
    self.entries = entries
    self.rows = rows
    self.columns = columns
    self.cellLength = cellLength
  }

  /// 16 MiB files, 64 MiB unpacked, 1,000 zip entries, 10,000 rows and 100 columns a sheet, 32,767
  /// characters a cell.
  public static let standard = SpreadsheetLimits()
}
