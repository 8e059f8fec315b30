import Foundation
import KyCuong
import KyCuongStore

extension Session {
  /// Whole words that may replace the last word of `lineBeforeCursor`, by context: commands and answer words
  /// at the start of the line, checklist ids after `start`, item ids after `goto`, section ids and filters
  /// after `list`, audit ids after `resume`, paths after `attach` and `merge`, the items in conflict after
  /// `resolve`, languages after `lang`, commands after `help`. Matching ignores case and diacritics.
  public func completions(forLineBeforeCursor lineBeforeCursor: String) -> [String] {
    if startDraft?.nextQuestion == .checklist {
      return matching(
        configuration.catalog.checklists.map(\.id), lineBeforeCursor.trimmingCharacters(in: .whitespaces))
    }
    if startDraft != nil { return [] }
    let endsInSpace = lineBeforeCursor.last?.isWhitespace ?? true
    var words = lineBeforeCursor.split(whereSeparator: \.isWhitespace).map(String.init)
    let last = endsInSpace ? "" : (words.popLast() ?? "")
    guard let first = words.first else {
      var candidates = Command.allCases.map(\.rawValue) + Command.allWords
      if let audit, !audit.isFinished, let item = currentItem, item.kind != .text {
        candidates = answerWords(for: item.kind) + candidates
      }
      return matching(unique(candidates), last)
    }
    guard let command = Command.match(first)?.command else {
      return multiWordAnswers(continuing: lineBeforeCursor)
    }
    switch command {
    case .start where words.count == 1:
      return matching(configuration.catalog.checklists.map(\.id), last)
    case .start:
      guard last.hasPrefix("--") || last.isEmpty, words.last?.hasPrefix("--") != true else {
        if words.last == "--visit" { return matching(["scheduled", "surprise"], last) }
        return []
      }
      return matching(Self.startOptions.sorted().map { "--" + $0 }, last)
    case .goto where words.count == 1:
      return matching(audit?.applicableItems.map(\.id.rawValue) ?? [], last)
    case .list where words.count == 1:
      return matching(
        (audit?.checklist.sections.map(\.id) ?? []) + ["unanswered", "failed", "critical"], last)
    case .resume where words.count == 1:
      return matching(store.list().map(\.id), last)
    case .lang where words.count == 1:
      return matching(["vi", "en"], last)
    case .help where words.count == 1:
      return matching(Command.allCases.map(\.rawValue), last)
    case .note where words.count == 1, .explain where words.count == 1, .skip where words.count == 1,
      .action where words.count == 1:
      // An item id first: `note BADGE-01 …` from any item.
      return matching(audit?.checklist.items.map(\.id.rawValue) ?? [], last)
    case .attach where words.count == 1:
      let items =
        last.isEmpty || last.contains("/")
        ? [] : matching(audit?.checklist.items.map(\.id.rawValue) ?? [], last)
      return items + pathCompletions(last)
    case .attach, .merge:
      return pathCompletions(last)
    case .resolve where words.count == 1:
      // The items in conflict are what `resolve` is for; with none, any item (the leader may overrule one).
      let conflicts = itemsInConflict()
      return matching(conflicts.isEmpty ? audit?.checklist.items.map(\.id.rawValue) ?? [] : conflicts, last)
    case .next where words.count == 1, .back where words.count == 1:
      return matching(["all"], last)
    case .compact where words.count == 1:
      return matching(["on", "off"], last)
    default:
      return []
    }
  }

  /// The items in conflict on the open team audit, in checklist order: what `resolve` is for.
  private func itemsInConflict() -> [String] {
    // The merged audit the item view keeps: Tab does not read and merge every device's log again.
    guard let team = teamAudit else { return [] }
    return team.checklist.items.map(\.id).filter { team.conflicts[$0] != nil }.map(\.rawValue)
  }

  /// The two-word answers (`không đạt`, `mot phan`) that continue `line` when its first word is not a
  /// command: after `không ` or `khong d`, Tab completes the answer typed so far. Matched exactly, not
  /// folded, so the candidate always extends what is on the line (the completion replaces the typed text
  /// only when the candidate starts with it).
  func multiWordAnswers(continuing line: String) -> [String] {
    guard let audit, !audit.isFinished, let item = currentItem, item.kind != .text else { return [] }
    let typed = String(line.drop(while: \.isWhitespace))
    let unaccented = AnswerParser.checkWords.filter { item.kind == .check || $0.outcome == .notApplicable }
    let words = answerWords(for: item.kind) + unaccented.flatMap(\.words)
    return unique(words.filter { $0.contains(" ") && $0.hasPrefix(typed) })
  }

  /// The answer words an item of `kind` takes, for completion.
  func answerWords(for kind: ItemKind) -> [String] {
    switch kind {
    case .check: AnswerParser.displayWords
    case .observation, .scale: ["na", "kad", "không áp dụng"]
    case .yesNo: ["có", "không", "yes", "no"]
    case .text: []
    }
  }

  /// Entries of the folder named by `partial` (relative to the attachment folder), as replacements for
  /// `partial`; folders end in `/`. Hidden files are offered only when `partial`'s name starts with `.`.
  func pathCompletions(_ partial: String) -> [String] {
    let slash = partial.lastIndex(of: "/")
    let folderPart = slash.map { String(partial[...$0]) } ?? ""
    let namePart = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
    let folder =
      folderPart.isEmpty
      ? configuration.attachmentDirectory : resolve(folderPart, against: configuration.attachmentDirectory)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return names.sorted().compactMap { name in
      guard name.hasPrefix(namePart), namePart.hasPrefix(".") || !name.hasPrefix(".") else { return nil }
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder.appending(path: name).path, isDirectory: &isDirectory)
      return folderPart + name + (isDirectory.boolValue ? "/" : "")
    }
  }

  /// The candidates whose folded form starts with the folded `prefix`, in order.
  func matching(_ candidates: [String], _ prefix: String) -> [String] {
    let folded = VietnameseFolding.fold(prefix)
    return candidates.filter { VietnameseFolding.fold($0).hasPrefix(folded) }
  }

  /// `values` without repeats, first occurrence kept.
  func unique(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
  }
}
