import SQLKit

/// A row property's column name: `auditId` is `audit_id`, `documentSha256` is `document_sha256`.
///
/// SQLKit's own snake_case strategies convert each key again for every row and every column with a
/// general, Unicode-aware algorithm, and that conversion was a fifth to a quarter of `archive trend` and
/// `archive actions` on 60,000 audits. The rows' property names are ASCII camelCase without runs of capitals
/// (see ArchiveRows.swift), for which both give the same name: a capital starts a word, lower-cased after `_`.
enum ArchiveColumnName {
  /// The column name of the property `name`.
  static func snakeCase(_ name: String) -> String {
    var column: [UInt8] = []
    column.reserveCapacity(name.utf8.count + 4)
    for (offset, byte) in name.utf8.enumerated() {
      if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
        if offset > 0 { column.append(UInt8(ascii: "_")) }
        column.append(byte + 32)
      } else {
        column.append(byte)
      }
    }
    return String(decoding: column, as: UTF8.self)
  }

  /// A coding key under its column name.
  private struct ColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Decoding rows from snake_case columns.
  static let decoding = SQLRowDecoder.KeyDecodingStrategy.custom { path in
    ColumnKey(stringValue: snakeCase(path.last?.stringValue ?? ""))
  }

  /// Encoding rows into snake_case columns.
  static let encoding = SQLQueryEncoder.KeyEncodingStrategy.custom { path in
    ColumnKey(stringValue: snakeCase(path.last?.stringValue ?? ""))
  }
}
