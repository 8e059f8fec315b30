import KyCuongREPL

/// TEMPORARY stand-in for the REPL's real `Session`, so the terminal layer can be tried end to end.
/// Echoes lines; `quit` exits. Replace it when the real session lands.
final class EchoSession: InteractiveSession {
  private static let words = [
    "BADGE-01", "BADGE-02", "DRESS-01", "đạt", "không đạt", "ghi chú", "kiểm tra", "quit",
  ]

  let prompt = "[1/3 BADGE-01] › "

  func evaluate(_ line: String) -> SessionReply {
    if line.trimmingCharacters(in: .whitespaces) == "quit" {
      return SessionReply(text: "tạm biệt", exit: true)
    }
    if line.hasPrefix("fail") {
      // Lets the harness check that a failed command makes a script's exit status non-zero.
      return SessionReply(text: "lỗi: \(line)", succeeded: false)
    }
    return SessionReply(text: "đã nhận: \(line)")
  }

  func completions(forLineBeforeCursor lineBeforeCursor: String) -> [String] {
    let words = lineBeforeCursor.split(separator: " ", omittingEmptySubsequences: false)
    let lastWord = words.last.map(String.init) ?? ""
    // "không đ" ends in "đ", but the whole "không đạt" is what was meant: also match the last two words.
    let lastTwo = words.suffix(2).joined(separator: " ")
    return Self.words.filter { $0.hasPrefix(lastWord) || ($0.contains(" ") && $0.hasPrefix(lastTwo)) }
  }

  func endOfInput() -> SessionReply {
    SessionReply(text: "tạm biệt")
  }
}
