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
  /// `note [ITEM] [--general] TEXT`
  case note
  /// `attach [ITEM] [--general] PATH`
  case attach
  /// `skip [ITEM] REASON`
  case skip
  /// `explain [ITEM] [--general] [--by NAME] TEXT`
  case explain
  /// `finding TEXT`
  case finding
  /// `recommend TEXT`
  case recommend
  /// `action [ITEM] WHAT --owner NAME --due DATE`
  case action
  /// `representative NAME [--title TEXT]`
  case representative
  /// `present N`: the number of staff present
  case present
  /// `retract [#N REASON]`
  case retract
  /// `undo`
  case undo
  /// `score`
  case score
  /// `finish [--yes] [--sign KEYFILE]`
  case finish
  /// `reopen REASON`
  case reopen
  /// `pages N --copies M`
  case pages
  /// `refusal NAME --reason TEXT`
  case refusal
  /// `sign [--key KEYFILE]`
  case sign
  /// `export [PATH] [--force]`
  case export
  /// `record [PATH] [--format html|md] [--force]`
  case record
  /// `bundle [PATH] [--force]`
  case bundle
  /// `audits`
  case audits
  /// `resume ID [--read-only]`
  case resume
  /// `whoami [NAME]`
  case whoami
  /// `compact [on|off]`
  case compact
  /// `sync`
  case sync
  /// `merge [LOG.jsonl…]`: the leader folds members' device logs into the audit, or sees the merged state
  case merge
  /// `resolve ITEM ANSWER --reason TEXT`: the leader's decision on an item the devices answered differently
  case resolve
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
    case .help: ["giup", "tro giup"]
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
    case .present: ["comat", "co mat"]
    case .retract: ["rutlai", "rut lai"]
    case .undo: ["hoantac", "hoan tac"]
    case .score: ["diem"]
    case .finish: ["ketthuc", "ket thuc"]
    case .reopen: ["molai", "mo lai"]
    case .pages: ["sotrang", "so trang"]
    case .refusal: ["tuchoiky", "tu choi ky"]
    case .sign: ["ky"]
    case .export: ["xuat"]
    case .record: ["bienban", "bien ban"]
    case .bundle: ["donggoi", "dong goi"]
    case .audits: ["dskt"]
    case .resume: ["tieptuc", "tiep tuc"]
    case .whoami: ["nguoighi", "nguoi ghi"]
    case .compact: ["gon"]
    case .sync: ["dongbo", "dong bo"]
    case .merge: ["hopnhat", "hop nhat"]
    case .resolve: ["giaiquyet", "giai quyet"]
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
    case .show, .score, .audits, .cancel, .quit, .undo, .sync: rest.isEmpty
    case .next, .back: rest.isEmpty || ["all", "tatca", "tat ca"].contains(VietnameseFolding.fold(rest))
    case .finish, .sign: rest.isEmpty || rest.hasPrefix("--")
    case .goto: !rest.isEmpty && !rest.contains(where: \.isWhitespace)
    case .present: Int(rest) != nil
    case .compact: rest.isEmpty || ["on", "off", "bat", "tat"].contains(VietnameseFolding.fold(rest))
    case .pages: rest.first?.isNumber ?? false
    // Device logs are `.jsonl` files, and items have ids like BADGE-01: `hợp nhất các bộ phận` or `giải
    // quyết ngay` is an answer to a text item, not a command (alone, each is the command: it says how).
    case .merge: Arguments.words(of: rest).allSatisfy { $0.lowercased().hasSuffix(".jsonl") }
    case .resolve: rest.split(whereSeparator: \.isWhitespace).first.map(Self.looksLikeItemID) ?? true
    default: true
    }
  }

  /// Whether `word` has the shape of an item id (ASCII letters and digits joined by hyphens, BADGE-01).
  static func looksLikeItemID(_ word: Substring) -> Bool {
    word.contains("-") && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
  }

  /// Single-word names of every command, for completion and did-you-mean.
  public static let allWords: [String] = allCases.flatMap { $0.names.filter { !$0.contains(" ") } }

  /// Every single-word name with its folded form, folded once, for did-you-mean.
  static let foldedWords: [(word: String, folded: String)] = allWords.map { ($0, VietnameseFolding.fold($0)) }

  /// The command word closest to a mistyped `word`, if it is close enough to be a typo.
  public static func suggestion(for word: String) -> String? {
    EditDistance.closest(to: word, inFolded: foldedWords)
  }

  /// Command words of four letters or more, folded once: the candidates of ``typoSuggestion(for:)``.
  static let longFoldedWords = foldedWords.filter { $0.folded.count >= 4 }

  /// The command a text answer's first word most likely mistypes (`fnid` → `find`): one edit from a command
  /// word of four letters or more. Stricter than ``suggestion(for:)``, so that ordinary Vietnamese words
  /// (`Đơn`, `Xem`) starting a text answer are not taken for typos of short aliases.
  public static func typoSuggestion(for word: String) -> String? {
    let folded = VietnameseFolding.fold(word)
    guard folded.count >= 4 else { return nil }
    guard let candidate = EditDistance.closest(to: word, inFolded: longFoldedWords),
      let match = longFoldedWords.first(where: { $0.word == candidate }),
      EditDistance.distance(folded, match.folded) <= 1
    else { return nil }
    return candidate
  }

  /// The command `line` starts with, and the rest of the line (original text, trimmed), if it starts with one.
  public static func match(_ line: String) -> (command: Command, rest: String)? {
    let words = line.split(whereSeparator: \.isWhitespace)
    guard let first = words.first else { return nil }
    if words.count >= 2, let command = byAlias[VietnameseFolding.fold(words[0] + " " + words[1])] {
      return (command, rest(of: line, after: 2))
    }
    if let command = byName[VietnameseFolding.fold(String(first))] {
      return (command, rest(of: line, after: 1))
    }
    return nil
  }

  /// Each alias with the first command (in declaration order) that has it, built once: a line is looked up,
  /// not compared with every command's aliases.
  static let byAlias: [String: Command] = table(\.aliases)

  /// Each name (English or alias) with the first command that has it, built once.
  static let byName: [String: Command] = table(\.names)

  private static func table(_ words: (Command) -> [String]) -> [String: Command] {
    var table: [String: Command] = [:]
    for command in allCases {
      for word in words(command) where table[word] == nil { table[word] = command }
    }
    return table
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
