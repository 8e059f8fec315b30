import Foundation
import Testing

@testable import KyCuongSupport

@Suite("Terminal text and tables")
struct TerminalTextTests {
  @Test("every scalar a terminal acts on is unsafe: the control category exactly, and the bidi controls")
  func unsafeScalarsAreTheControlCategoryAndBidi() {
    var unsafe: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let expected =
        scalar != "\n" && scalar != "\t"
        && (scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(value)
          || (0x2066...0x2069).contains(value))
      if TerminalText.isUnsafe(scalar) != expected { unsafe.append(value) }
    }
    #expect(unsafe.isEmpty, "disagrees on \(unsafe.prefix(10).map { String($0, radix: 16) })")
  }

  @Test("JSON keeps its meaning with C1 controls, DEL and overrides escaped, and Vietnamese untouched")
  func jsonEscapes() throws {
    let text = "Nguyễn Văn A\u{85}\u{7F}\u{202E}x"
    let data = try JSONEncoder().encode(["name": text])
    let escaped = JSONCoding.escapingTerminalControls(data)
    #expect(String(decoding: escaped, as: UTF8.self) == #"{"name":"Nguyễn Văn A\u0085\u007f\u202ex"}"#)
    #expect(try JSONDecoder().decode([String: String].self, from: escaped) == ["name": text])
    let plain = try JSONEncoder().encode(["name": "Hàng Bạc"])
    #expect(JSONCoding.escapingTerminalControls(plain) == plain)
  }

  @Test("the bytes checked before decoding find every unsafe scalar, and pass every safe one up to U+3000")
  func byteCheckAgreesWithScalars() {
    var missed: [UInt32] = []
    for value in UInt32(0)...0x3000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let data = Data("a\(Character(scalar))b".utf8)
      let changed = JSONCoding.escapingTerminalControls(data) != data
      if changed != TerminalText.isUnsafe(scalar) { missed.append(value) }
    }
    #expect(missed.isEmpty, "disagrees on \(missed.prefix(10).map { String($0, radix: 16) })")
  }

  @Test("a table's lines end at their last character: a padded last column leaves no trailing spaces")
  func tableLinesEndWithoutSpaces() {
    let table = TextTable(
      headers: ["Đơn vị", "Điểm", "Ghi chú"],
      rows: [["UBND phường Hàng Bạc", "74.1", ""], ["UBND xã Sóc Sơn", "9", "trễ hẹn"]],
      rightAligned: [1])
    #expect(
      table.render() == """
        Đơn vị                Điểm  Ghi chú
        ────────────────────  ────  ───────
        UBND phường Hàng Bạc  74.1
        UBND xã Sóc Sơn          9  trễ hẹn
        """)
  }
}
