import Foundation
import KyCuong

/// The canonical form of a JSON value, the bytes an export digest is computed over.
///
/// Objects with their members sorted by the UTF-8 bytes of their keys, no whitespace, strings with only `"`,
/// `\` and U+0000…U+001F escaped (as `\"`, `\\`, `\u00xx`), numbers that are whole and below 2^53 in
/// magnitude as integers and others in the shortest form that reads back to the same double, `true`, `false`,
/// `null`. An object with a key twice has no canonical form: which value counts would depend on the reader.
public enum CanonicalJSON {
  /// A problem that keeps a value from having a canonical form.
  public struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
    /// Why.
    public var reason: String
    /// The reason.
    public var description: String { reason }
  }

  /// The canonical bytes of `value`.
  ///
  /// - Throws: ``Error`` for a key that occurs twice in one object, or a number that is not finite.
  public static func data(_ value: JSONValue) throws(Error) -> Data {
    var output: [UInt8] = []
    try write(value, to: &output, path: "")
    return Data(output)
  }

  private static func write(_ value: JSONValue, to output: inout [UInt8], path: String) throws(Error) {
    switch value {
    case .null: output += Array("null".utf8)
    case .bool(let flag): output += Array((flag ? "true" : "false").utf8)
    case .number(let number):
      guard number.isFinite else { throw Error(reason: "\(path): a number that is not finite") }
      if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
        output += Array(String(Int64(number)).utf8)
      } else {
        output += Array("\(number)".utf8)
      }
    case .string(let text): writeString(text, to: &output)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        try write(element, to: &output, path: "\(path)[\(index)]")
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      let sorted = members.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
      output.append(UInt8(ascii: "{"))
      for (index, member) in sorted.enumerated() {
        if index > 0 {
          if sorted[index - 1].key == member.key {
            throw Error(
              reason: "\(path.isEmpty ? "the document" : path): the key \"\(member.key)\" occurs twice")
          }
          output.append(UInt8(ascii: ","))
        }
        writeString(member.key, to: &output)
        output.append(UInt8(ascii: ":"))
        try write(member.value, to: &output, path: path.isEmpty ? member.key : "\(path).\(member.key)")
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func writeString(_ text: String, to output: inout [UInt8]) {
    let hexDigits = Array("0123456789abcdef".utf8)
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        output.append(UInt8(ascii: "\\"))
        output.append(byte)
      case 0..<0x20:
        output += Array("\\u00".utf8)
        output.append(hexDigits[Int(byte >> 4)])
        output.append(hexDigits[Int(byte & 0xF)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
