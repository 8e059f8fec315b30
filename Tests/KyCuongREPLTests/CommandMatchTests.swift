import KyCuong
import KyCuongREPL
import KyCuongSupport
import Testing

/// `Command.match` looks words up in tables built once; it finds what comparing every command's names in
/// declaration order found (issue 13, the answer path).
struct CommandMatchTests {
  /// The command `line` starts with, found the slow way: every command's aliases, then names, in order.
  static func reference(_ line: String) -> Command? {
    let words = line.split(whereSeparator: \.isWhitespace)
    guard let first = words.first else { return nil }
    if words.count >= 2 {
      let pair = VietnameseFolding.fold(words[0] + " " + words[1])
      if let command = Command.allCases.first(where: { $0.aliases.contains(pair) }) { return command }
    }
    let folded = VietnameseFolding.fold(String(first))
    return Command.allCases.first { $0.names.contains(folded) }
  }

  @Test func everyNameAndAliasFindsTheFirstCommandThatHasIt() {
    for command in Command.allCases {
      for name in command.names {
        for line in [name, name.uppercased(), "  \(name)  ", "\(name) 12 ab", "\(name) --x"] {
          #expect(Command.match(line)?.command == Self.reference(line), "\(line)")
        }
      }
    }
  }

  @Test(arguments: [
    "Tìm thẻ", "GHI CHÚ cán bộ", "trả lời đạt", "đến BADGE-02", "xem lại hồ sơ", "đạt", "không đạt",
    "ghi", "", "   ", "tro giup start", "bat  dau x",
  ])
  func linesInEitherLanguageMatchAsBefore(line: String) {
    #expect(Command.match(line)?.command == Self.reference(line))
  }
}
