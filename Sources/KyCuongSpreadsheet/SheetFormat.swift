/// How a sheet is laid out when written: the widths of its columns, which wrap their text, and whether its
/// first row is a header (bold, kept on screen while the rows scroll).
struct SheetFormat: Hashable, Sendable {
  /// Widths of the columns from column 1, in characters.
  var widths: [Double] = []
  /// The columns, from 1, whose text wraps within the cell.
  var wrapped: Set<Int> = []
  /// Whether row 1 is a header.
  var header = true
}
