import Foundation
import KyCuong

extension Session {
  /// `show`: the current item, which the inspector is now on.
  func show() -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    focusItemID = nil
    return SessionReply(text: renderCurrentOrDone())
  }

  /// `?`: the item the inspector is on, in full (guidance, source, what is recorded), whatever the mode.
  func details() -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    guard let id = targetItemID, let item = audit.checklist.item(withID: id) else {
      return SessionReply(text: renderCurrentOrDone())
    }
    return SessionReply(text: renderItem(item, full: true))
  }

  /// `next` / `back`: the next (previous) open item; with `all`, the next (previous) applicable item,
  /// answered or not.
  func step(forward: Bool, all: Bool) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let candidates = all ? audit.applicableItems : audit.openItems
    guard !candidates.isEmpty else { return refuse(all ? .allAnswered : .noOpenItem) }
    let order = Dictionary(uniqueKeysWithValues: audit.checklist.items.enumerated().map { ($1.id, $0) })
    let here = targetItemID.flatMap { order[$0] }
    let target: Item?
    if let here {
      target =
        forward
        ? candidates.first { (order[$0.id] ?? 0) > here }
        : candidates.last { (order[$0.id] ?? 0) < here }
    } else {
      target = forward ? candidates.first : candidates.last
    }
    guard let target else {
      // No open item that way: the open ones are all behind (ahead); `next` wraps round to them.
      if !all, let wrapped = forward ? candidates.first : candidates.last, wrapped.id != targetItemID {
        moveTo(wrapped.id)
        return SessionReply(text: renderItem(wrapped))
      }
      return refuse(forward ? .atLastItem : .atFirstItem)
    }
    moveTo(target.id)
    return SessionReply(text: renderItem(target))
  }

  /// `goto ID` or `goto N` (the N-th applicable item, as the prompt counts them).
  func goto(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let wanted = rest.trimmingCharacters(in: .whitespaces)
    guard !wanted.isEmpty else { return refuse(.usage(.goto)) }
    let item: Item
    if let number = Int(wanted) {
      let applicable = audit.applicableItems
      guard applicable.indices.contains(number - 1) else {
        return refuse(.noSuchPosition(number, count: applicable.count))
      }
      item = applicable[number - 1]
    } else if let named = self.item(named: wanted) {
      item = named
    } else {
      let suggestion = EditDistance.closest(to: wanted, in: audit.checklist.items.map(\.id.rawValue))
      return refuse(.noSuchItem(id: wanted, suggestion: suggestion))
    }
    if !audit.applicability.isApplicable(item.id), let condition = item.applicableWhen {
      return refuse(.itemDoesNotApply(item: item.id, condition: condition))
    }
    moveTo(item.id)
    return SessionReply(text: renderItem(item))
  }

  /// `list [section|unanswered|failed|critical]`: one line per item on a wide screen, two on a narrow one.
  func list(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let filter = VietnameseFolding.fold(rest)
    let items: [Item]
    let applicability = audit.applicability
    let credit = audit.checklist.scoring.partialCredit
    switch filter {
    case "":
      items = audit.checklist.items
    case "unanswered", "chua":
      items = audit.openItems
    case "failed", "khongdat":
      items = audit.applicableItems.filter { item in
        guard let score = item.score(for: audit.records[item.id]?.state ?? .unanswered, partialCredit: credit)
        else { return false }
        return score < 1
      }
    case "critical", "diemliet":
      items = audit.checklist.items.filter(\.critical)
    default:
      guard let section = audit.checklist.sections.first(where: { VietnameseFolding.fold($0.id) == filter })
      else {
        let suggestion = EditDistance.closest(
          to: filter, in: audit.checklist.sections.map(\.id) + ["unanswered", "failed", "critical"])
        return refuse(.noSuchList(name: rest, suggestion: suggestion))
      }
      items = section.items
    }
    if items.isEmpty { return reply(.listEmpty) }
    let width = columns ?? 100
    let narrow = width < 70
    var lines: [String] = []
    var lastSection = ""
    for item in items {
      if let section = audit.checklist.section(containing: item.id), section.id != lastSection {
        lastSection = section.id
        lines.append(style.bold("\(section.id) · \(section.title[language])"))
      }
      let marker = item.id == currentItemID ? "›" : " "
      let status = statusText(item, audit: audit, applicable: applicability.isApplicable(item.id))
      let critical = item.critical ? " " + style.red("‼") : ""
      if narrow {
        lines.append(TextLayout.shorten(" \(marker) \(item.id) · \(status)", width) + critical)
        lines.append(TextLayout.shorten("     " + item.text[language], width))
      } else {
        let head =
          " \(marker) \(TextLayout.pad(item.id.rawValue, 12)) \(TextLayout.pad(TextLayout.shorten(status, 20), 20)) "
        let room = max(10, width - TextLayout.width(head) - 2)
        lines.append(head + TextLayout.shorten(item.text[language], room) + critical)
      }
    }
    return SessionReply(text: lines.joined(separator: "\n"))
  }

  /// `find TEXT`: items whose id, text, guidance or section hold the words, ignoring case and diacritics.
  func find(_ rest: String) -> SessionReply {
    let query = rest.trimmingCharacters(in: .whitespaces)
    guard !query.isEmpty else { return refuse(.usage(.find)) }
    let checklists = audit.map { [$0.checklist] } ?? configuration.catalog.checklists
    let width = columns ?? 100
    // Items that hold the query as a phrase come first, then those that hold all its words in any order
    // (inspectors type keywords: "the cong chuc" should find "Cán bộ, công chức … đeo thẻ").
    var phraseMatches: [String] = []
    var wordMatches: [String] = []
    for checklist in checklists {
      for section in checklist.sections {
        for item in section.items {
          let fields: [String] = [
            item.id.rawValue, item.text.vi, item.text.en ?? "", item.guidance.vi, item.guidance.en ?? "",
            section.title.vi, section.title.en ?? "",
          ]
          let prefix = audit == nil ? "\(checklist.id) " : ""
          let head = "  \(prefix)\(TextLayout.pad(item.id.rawValue, 12)) "
          let line =
            width < 70
            ? TextLayout.shorten(head, width) + "\n" + TextLayout.shorten("    " + item.text[language], width)
            : head + TextLayout.shorten(item.text[language], max(10, width - TextLayout.width(head) - 1))
          if fields.contains(where: { VietnameseFolding.contains($0, query) }) {
            phraseMatches.append(line)
          } else if VietnameseFolding.containsAllWords(fields.joined(separator: " "), query) {
            wordMatches.append(line)
          }
        }
      }
    }
    let lines = phraseMatches + wordMatches
    if lines.isEmpty { return reply(.findNothing(query: query)) }
    return SessionReply(
      text: ([text(.findResults(count: lines.count, query: query))] + lines).joined(separator: "\n"))
  }
}

extension Session {
  /// `score`: the provisional (or final) scores.
  func score() -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    // The leader of a team audit scores what the whole team recorded, as `finish` and `export` judge it.
    guard let team = teamAudit else { return SessionReply(text: renderScore(audit.score(), audit: audit)) }
    let devices = Set(team.origins.values.map(\.device)).count
    return SessionReply(
      text: text(.teamScore(devices: devices, conflicts: team.conflicts.count)) + "\n"
        + renderScore(team.score(), audit: team))
  }
}
