import KyCuong

/// A REPL command. Each has an English name and a few Vietnamese aliases, matched after folding, so `tìm`,
/// `tim` and `find` are one command.
public enum Command: String, CaseIterable, Hashable, Sendable {
  /// `help [command]`
  case help
  /// `start [checklist] [--unit …] [--address …] [--leader …] [--members "a, b"] [--visit scheduled|surprise]`
  case start
  /// `show`
  case show
  /// `next`
  case next
  /// `back`
  case back
  /// `goto ID`
  case goto
  /// `list [section|unanswered|failed|critical]`
  case list
  /// `find TEXT`
  case find
  /// `answer ANSWER [--remark TEXT]`
  case answer
  /// `note [--general] TEXT`
  case note
  /// `attach [--general] PATH`
  case attach
  /// `skip REASON`
  case skip
  /// `explain [--general] TEXT`
  case explain
  /// `finding TEXT`
  case finding
  /// `recommend TEXT`
  case recommend
  /// `action WHAT --owner NAME --due YYYY-MM-DD`
  case action
  /// `representative NAME`
  case representative
  /// `score`
  case score
  /// `finish`
  case finish
  /// `export [PATH]`
  case export
  /// `record [PATH] [--format html|md]`
  case record
  /// `audits`
  case audits
  /// `resume ID [--read-only]`
  case resume
  /// `lang vi|en`
  case lang
  /// `cancel`
  case cancel
  /// `quit`
  case quit

  /// Vietnamese and short aliases, folded (no diacritics, lower case); two-word aliases are matched before
  /// one-word ones.
  public var aliases: [String] {
    switch self {
    case .help: ["giup", "tro giup", "?"]
    case .start: ["batdau", "bat dau"]
    case .show: ["xem"]
    case .next: ["tiep"]
    case .back: ["lui"]
    case .goto: ["den"]
    case .list: ["ds", "danh sach"]
    case .find: ["tim"]
    case .answer: ["traloi", "tra loi"]
    case .note: ["ghichu", "ghi chu"]
    case .attach: ["dinhkem", "dinh kem"]
    case .skip: ["boqua", "bo qua"]
    case .explain: ["giaitrinh", "giai trinh"]
    case .finding: ["phathien", "phat hien"]
    case .recommend: ["kiennghi", "kien nghi"]
    case .action: ["khacphuc", "khac phuc"]
    case .representative: ["daidien", "dai dien"]
    case .score: ["diem"]
    case .finish: ["ketthuc", "ket thuc"]
    case .export: ["xuat"]
    case .record: ["bienban", "bien ban"]
    case .audits: ["dskt"]
    case .resume: ["tieptuc", "tiep tuc"]
    case .lang: ["ngonngu", "ngon ngu"]
    case .cancel: ["huy"]
    case .quit: ["thoat", "exit"]
    }
  }

  /// Every name a command answers to, English first.
  public var names: [String] { [rawValue] + aliases }

  /// Whether `rest` can be this command's arguments. Commands that take none, and `goto` with more than one
  /// word, do not match a longer line: `xem lại hồ sơ` or `đến muộn 15 phút` is an answer to a text item
  /// that happens to start with an alias (`xem`, `đến`), not a command.
  public func accepts(arguments rest: String) -> Bool {
    switch self {
    case .show, .next, .back, .score, .audits, .cancel, .quit: rest.isEmpty
    case .finish: rest.isEmpty || rest.hasPrefix("--sign") || rest.hasPrefix("--ky")
    case .goto: !rest.contains(where: \.isWhitespace)
    default: true
    }
  }

  /// Single-word names of every command, for completion and did-you-mean.
  public static let allWords: [String] = allCases.flatMap { $0.names.filter { !$0.contains(" ") } }

  /// The command `line` starts with, and the rest of the line (original text, trimmed), if it starts with one.
  public static func match(_ line: String) -> (command: Command, rest: String)? {
    let words = line.split(whereSeparator: \.isWhitespace)
    guard let first = words.first else { return nil }
    if words.count >= 2 {
      let pair = VietnameseFolding.fold(words[0] + " " + words[1])
      if let command = allCases.first(where: { $0.aliases.contains(pair) }) {
        return (command, rest(of: line, after: 2))
      }
    }
    let folded = VietnameseFolding.fold(String(first))
    if let command = allCases.first(where: { $0.names.contains(folded) }) {
      return (command, rest(of: line, after: 1))
    }
    return nil
  }

  /// `line` without its first `count` words, trimmed; spacing inside the rest is kept.
  static func rest(of line: String, after count: Int) -> String {
    var remaining = Substring(line)
    for _ in 0..<count {
      remaining = remaining.drop(while: \.isWhitespace)
      remaining = remaining.drop(while: { !$0.isWhitespace })
    }
    return remaining.trimmingCharacters(in: .whitespaces)
  }
}
