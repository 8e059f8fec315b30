import KyCuong

extension Session {
  /// Runs `command` with the rest of its line.
  func run(_ command: Command, _ rest: String) -> SessionReply {
    switch command {
    case .help: help(rest)
    case .start: start(rest)
    case .show: show()
    case .next: step(forward: true, all: !rest.isEmpty)
    case .back: step(forward: false, all: !rest.isEmpty)
    case .goto: goto(rest)
    case .list: list(rest)
    case .find: find(rest)
    case .answer: answerCommand(rest)
    case .note: note(rest)
    case .explain: explain(rest)
    case .attach: attach(rest)
    case .skip: skip(rest)
    case .finding: auditText(rest, command: .finding) { .finding(text: $0) }
    case .recommend: auditText(rest, command: .recommend) { .recommendation(text: $0) }
    case .representative: representative(rest)
    case .present: present(rest)
    case .action: action(rest)
    case .retract: retract(rest)
    case .undo: undo()
    case .score: score()
    case .finish: finish(rest)
    case .reopen: reopen(rest)
    case .pages: pages(rest)
    case .refusal: refusal(rest)
    case .sign: sign(rest)
    case .export: export(rest)
    case .record: record(rest)
    case .bundle: bundle(rest)
    case .audits: audits()
    case .resume: resume(rest)
    case .whoami: whoami(rest)
    case .compact: setCompact(rest)
    case .sync: sync()
    case .merge: merge(rest)
    case .resolve: resolve(rest)
    case .lang: lang(rest)
    case .cancel: refuse(.nothingToCancel)
    case .quit: SessionReply(text: goodbye(), succeeded: true, exit: true)
    }
  }

  /// The arguments of `rest` for `command`, or the refusal of an option it does not know.
  func arguments(
    _ rest: String, for command: Command, options: Set<String> = [], flags: Set<String> = []
  ) -> Result<Arguments, RefusedLine> {
    let arguments = Arguments(rest, flagNames: flags, optionNames: options)
    if let option = arguments.unknown.first {
      return .failure(RefusedLine(reply: refuse(.unknownOption(option, command: command))))
    }
    return .success(arguments)
  }
}

/// A refusal carried through a `Result`.
struct RefusedLine: Error {
  var reply: SessionReply
}
