import Foundation

/// The canonical form of a JSON value: the exact bytes every digest KyCuong writes is computed over.
///
/// Exports of format `kycuong.audit/1.1` and later use the JSON Canonicalization Scheme of RFC 8785 (JCS):
/// no white space; object members sorted by the UTF-16 code units of their keys; strings with `"`, `\` and
/// the control characters escaped as ECMAScript's `JSON.stringify` does (`\b \t \n \f \r`, others
/// `\u00xx`), every other character as UTF-8; numbers as ECMAScript writes a double (`1`, `0.5`, `1e+21`,
/// `1e-7`). An object with a key twice has no canonical form: which value counts would depend on the reader.
///
/// Exports of `kycuong.audit/1` were sealed with an earlier form (``Form/version1``), kept so that they still
/// verify: keys sorted by UTF-8 bytes, every control character as `\u00xx`, whole numbers below 2^53 as
/// integers and other numbers as Swift prints them.
package enum CanonicalJSON {
  /// Which canonical form.
  package enum Form: Sendable {
    /// RFC 8785 (JCS).
    case jcs
    /// The form of `kycuong.audit/1` exports.
    case version1
  }

  /// A problem that keeps a value from having a canonical form.
  package struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
    /// Why.
    package var reason: String
    /// The reason.
    package var description: String { reason }
  }

  /// The canonical bytes of `value` in `form`.
  ///
  /// - Throws: ``Error`` for a key that occurs twice in one object, or a number that is not finite.
  package static func data(_ value: JSONValue, form: Form = .jcs) throws(Error) -> Data {
    var output: [UInt8] = []
    output.reserveCapacity(4096)
    do {
      try write(value, to: &output, form: form)
    } catch {
      throw Error(reason: error.reason)
    }
    return Data(output)
  }

  /// A problem found while writing, and where: the path is built only when there is one, on the way out,
  /// so that writing a value costs no path per member.
  private struct Failure: Swift.Error {
    /// The keys and indices from the value written down to the problem, innermost first.
    var steps: [Step] = []
    /// What is wrong there.
    var problem: Problem

    enum Step {
      case key(String)
      case index(Int)
    }

    enum Problem {
      case notFinite
      case duplicateKey(String)
    }

    /// The path as `a.b[2].c`: a key after the root stands alone, after a step follows a dot.
    var path: String {
      var path = ""
      for step in steps.reversed() {
        switch step {
        case .key(let key): path = path.isEmpty ? key : "\(path).\(key)"
        case .index(let index): path = "\(path)[\(index)]"
        }
      }
      return path
    }

    var reason: String {
      switch problem {
      case .notFinite: "\(path): a number that is not finite"
      case .duplicateKey(let key): "\(path.isEmpty ? "the document" : path): the key \"\(key)\" occurs twice"
      }
    }
  }

  private static func write(_ value: JSONValue, to output: inout [UInt8], form: Form) throws(Failure) {
    switch value {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .number(let number):
      guard number.isFinite else { throw Failure(problem: .notFinite) }
      switch form {
      case .jcs: output.append(contentsOf: ecmaScriptString(number).utf8)
      case .version1:
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
          output.append(contentsOf: String(Int64(number)).utf8)
        } else {
          output.append(contentsOf: "\(number)".utf8)
        }
      }
    case .string(let text): writeString(text, to: &output, form: form)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for index in elements.indices {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        do {
          try write(elements[index], to: &output, form: form)
        } catch {
          var failure = error
          failure.steps.append(.index(index))
          throw failure
        }
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      let sorted = sortedMembers(members, form: form)
      output.append(UInt8(ascii: "{"))
      for index in sorted.indices {
        let member = sorted[index]
        if index > 0 {
          if sorted[index - 1].key == member.key { throw Failure(problem: .duplicateKey(member.key)) }
          output.append(UInt8(ascii: ","))
        }
        writeString(member.key, to: &output, form: form)
        output.append(UInt8(ascii: ":"))
        do {
          try write(member.value, to: &output, form: form)
        } catch {
          var failure = error
          failure.steps.append(.key(member.key))
          throw failure
        }
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// `members` in the form's key order; not sorted again when already in it (an export's own objects are
  /// written in no particular order, but a value read back from canonical bytes is).
  private static func sortedMembers(
    _ members: [(key: String, value: JSONValue)], form: Form
  ) -> [(key: String, value: JSONValue)] {
    func precedes(_ left: String, _ right: String) -> Bool {
      switch form {
      case .jcs: left.utf16.lexicographicallyPrecedes(right.utf16)
      case .version1: left.utf8.lexicographicallyPrecedes(right.utf8)
      }
    }
    var inOrder = true
    for index in members.indices.dropFirst() where precedes(members[index].key, members[index - 1].key) {
      inOrder = false
      break
    }
    return inOrder ? members : members.sorted { precedes($0.key, $1.key) }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private static func writeString(_ text: String, to output: inout [UInt8], form: Form) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        output.append(UInt8(ascii: "\\"))
        output.append(byte)
      case 0x08 where form == .jcs: output.append(contentsOf: #"\b"#.utf8)
      case 0x09 where form == .jcs: output.append(contentsOf: #"\t"#.utf8)
      case 0x0A where form == .jcs: output.append(contentsOf: #"\n"#.utf8)
      case 0x0C where form == .jcs: output.append(contentsOf: #"\f"#.utf8)
      case 0x0D where form == .jcs: output.append(contentsOf: #"\r"#.utf8)
      case 0..<0x20:
        output.append(contentsOf: #"\u00"#.utf8)
        output.append(hexDigits[Int(byte >> 4)])
        output.append(hexDigits[Int(byte & 0xF)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }

  /// `number` as ECMAScript's `Number.prototype.toString` writes it (ECMA-262, Number::toString): the
  /// shortest digits that read back to the same double, in plain notation from 1e-6 to below 1e21, else
  /// with an exponent.
  package static func ecmaScriptString(_ number: Double) -> String {
    if number == 0 { return "0" }
    if number < 0 { return "-" + ecmaScriptString(-number) }
    // Swift's description is the shortest round-trip form too; only its layout differs.
    let text = "\(number)"
    let parts = text.split(separator: "e", maxSplits: 1)
    let mantissa = parts[0]
    let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let integer = Array(pieces[0])
    let fraction = pieces.count > 1 ? Array(pieces[1]) : []
    var digits = integer + fraction
    var point = integer.count + exponent
    while let first = digits.first, first == "0", digits.count > 1 {
      digits.removeFirst()
      point -= 1
    }
    while let last = digits.last, last == "0", digits.count > 1 { digits.removeLast() }
    let k = digits.count
    let n = point
    let s = String(digits)
    if k <= n && n <= 21 { return s + String(repeating: "0", count: n - k) }
    if 0 < n && n <= 21 { return String(digits[0..<n]) + "." + String(digits[n...]) }
    if -6 < n && n <= 0 { return "0." + String(repeating: "0", count: -n) + s }
    let e = n - 1
    let exponentText = (e < 0 ? "-" : "+") + String(abs(e))
    if k == 1 { return s + "e" + exponentText }
    return String(digits[0]) + "." + String(digits[1...]) + "e" + exponentText
  }
}
