import ArgumentParser
import Foundation
import KyCuong

/// A listing of rows with named columns, written as an aligned table for a terminal, as CSV (RFC 4180,
/// fields neutralised against formula injection) or as JSON (an array of objects, numbers as numbers).
struct Listing: Sendable {
  /// How a listing is written.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json
  }

  /// One cell.
  enum Cell: Sendable {
    case text(String)
    case number(Double?)
    case integer(Int)
    case missing

    /// The cell in a table or a CSV field.
    var text: String {
      switch self {
      case .text(let text): text
      case .number(let value): value.map { NumberFormatting.score($0) } ?? ""
      case .integer(let value): String(value)
      case .missing: ""
      }
    }

    var json: Any {
      switch self {
      case .text(let text): text
      case .number(let value): value.map { $0 as Any } ?? NSNull()
      case .integer(let value): value
      case .missing: NSNull()
      }
    }
  }

  /// The columns' names (snake_case: they are the JSON keys and the CSV header too).
  var columns: [String]
  /// Columns aligned to the right in a table.
  var numeric: Set<Int> = []
  /// The rows.
  var rows: [[Cell]] = []

  /// An aligned table, control characters in the values made visible.
  func table() -> String {
    TerminalText.sanitized(
      TextTable(headers: columns, rows: rows.map { $0.map(\.text) }, rightAligned: numeric).render()) + "\n"
  }

  /// CSV with a byte order mark (so that spreadsheets read the Vietnamese letters as UTF-8), CRLF records.
  func csv() -> String {
    "\u{FEFF}"
      + ([columns] + rows.map { $0.map(\.text) }).map {
        $0.map(CSVField.escaped).joined(separator: ",") + "\r\n"
      }.joined()
  }

  /// A JSON array of objects, keys sorted, pretty-printed.
  func json() throws(CommandFailure) -> String {
    let objects = rows.map { row in
      Dictionary(zip(columns, row.map(\.json)), uniquingKeysWith: { first, _ in first })
    }
    do {
      let data = try JSONSerialization.data(
        withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
      return String(decoding: JSONCoding.escapingTerminalControls(data), as: UTF8.self) + "\n"
    } catch {
      throw CommandFailure("the listing cannot be written as JSON: \(error.localizedDescription)")
    }
  }

  /// The listing in `format`.
  func rendered(_ format: Format) throws(CommandFailure) -> String {
    switch format {
    case .table: table()
    case .csv: csv()
    case .json: try json()
    }
  }
}
