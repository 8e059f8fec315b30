/// Where a cell is: its sheet, row and column, written as a spreadsheet writes it (`items!D14`).
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
  /// The sheet's name.
  public var sheet: String
  /// The row, from 1.
  public var row: Int
  /// The column, from 1 (`A`).
  public var column: Int

  /// Creates a reference.
  ///
  /// - Parameters:
  ///   - sheet: The sheet's name.
  ///   - row: The row, from 1.
  ///   - column: The column, from 1 (`A`).
  public init(sheet: String, row: Int, column: Int) {
    self.sheet = sheet
    self.row = row
    self.column = column
  }

  /// `items!D14`; a sheet name that is not letters, digits and `_` is quoted: `'my sheet'!A1`.
  public var description: String {
    let plain =
      !sheet.isEmpty
      && sheet.unicodeScalars.allSatisfy {
        $0 == "_" || $0.properties.isAlphabetic
          || ("0"..."9").contains($0)
      }
    let name = plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    return "\(name)!\(Self.columnName(column))\(row)"
  }

  /// The letters of a column: 1 is `A`, 26 `Z`, 27 `AA`.
  ///
  /// - Parameter column: The column, from 1.
  /// - Returns: Its letters.
  public static func columnName(_ column: Int) -> String {
    var number = max(column, 1)
    var letters: [Character] = []
    while number > 0 {
      let remainder = (number - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
      number = (number - 1) / 26
    }
    return String(letters.reversed())
  }

  /// The row and column of a cell's address without its sheet (`D14`), or `nil` when it is not one. A
  /// column past `ZZZ` or a row past ten digits is not an address.
  ///
  /// - Parameter address: An address such as `D14`.
  /// - Returns: The row and column, both from 1 (`D14` is row 14, column 4; letters of either case), or `nil`
  ///   unless `address` is letters then digits within those bounds and its row is not 0.
  static func position(of address: Substring) -> (row: Int, column: Int)? {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in address.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
        column = column * 26 + Int(byte - 64)
        letters += 1
      case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
        column = column * 26 + Int(byte - 96)
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
        row = row * 10 + Int(byte - 48)
        digits += 1
      default: return nil
      }
      if letters > 3 || digits > 10 { return nil }
    }
    guard letters > 0, digits > 0, row > 0 else { return nil }
    return (row, column)
  }
}
