import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore

extension Session {
  /// Runs `command` with the rest of its line.
  func run(_ command: Command, _ rest: String) -> SessionReply {
    switch command {
    case .help: return help(rest)
    case .start: return start(rest)
    case .show: return show()
    case .next: return step(forward: true)
    case .back: return step(forward: false)
    case .goto: return goto(rest)
    case .list: return list(rest)
    case .find: return find(rest)
    case .answer: return answerCommand(rest)
    case .note: return itemText(rest, command: .note) { .noted(item: $0, text: $1) }
    case .explain: return itemText(rest, command: .explain) { .explained(item: $0, text: $1) }
    case .attach: return attach(rest)
    case .skip: return skip(rest)
    case .finding: return auditText(rest, command: .finding) { .finding(text: $0) }
    case .recommend: return auditText(rest, command: .recommend) { .recommendation(text: $0) }
    case .representative: return auditText(rest, command: .representative) { .representative(name: $0) }
    case .action: return action(rest)
    case .score: return score()
    case .finish: return finish(rest)
    case .export: return export(rest)
    case .record: return record(rest)
    case .audits: return audits()
    case .resume: return resume(rest)
    case .lang: return lang(rest)
    case .cancel: return refuse(.nothingToCancel)
    case .quit:
      return SessionReply(text: goodbye(), succeeded: true, exit: true)
    }
  }

  func help(_ rest: String) -> SessionReply {
    let word = rest.trimmingCharacters(in: .whitespaces)
    if word.isEmpty { return reply(.helpOverview) }
    if let match = Command.match(word) { return reply(.helpCommand(match.command)) }
    let folded = VietnameseFolding.fold(word)
    if ["answers", "answer", "tra loi", "traloi"].contains(folded) { return reply(.helpCommand(.answer)) }
    return refuse(
      .unknownCommand(word: word, suggestion: EditDistance.closest(to: word, in: Command.allWords)))
  }

  func show() -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    return SessionReply(text: renderCurrentOrDone())
  }

  func step(forward: Bool) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let applicable = audit.applicableItems
    guard !applicable.isEmpty else { return refuse(.allAnswered) }
    let index: Int
    if let currentItemID, let position = applicable.firstIndex(where: { $0.id == currentItemID }) {
      index = forward ? position + 1 : position - 1
    } else if let currentItemID,
      let position = audit.checklist.items.firstIndex(where: { $0.id == currentItemID })
    {
      // The current item stopped applying (an answer changed): step to the applicable neighbour.
      let ids = audit.checklist.items.map(\.id)
      let after = applicable.firstIndex { (ids.firstIndex(of: $0.id) ?? 0) > position } ?? applicable.count
      index = forward ? after : after - 1
    } else {
      index = forward ? 0 : applicable.count - 1
    }
    guard applicable.indices.contains(index) else {
      return refuse(forward ? .atLastItem : .atFirstItem)
    }
    currentItemID = applicable[index].id
    return SessionReply(text: renderCurrentOrDone())
  }

  func goto(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let wanted = rest.trimmingCharacters(in: .whitespaces)
    guard !wanted.isEmpty else { return refuse(.usage(.goto)) }
    guard
      let item = audit.checklist.items.first(where: { $0.id.rawValue.uppercased() == wanted.uppercased() })
    else {
      let suggestion = EditDistance.closest(to: wanted, in: audit.checklist.items.map(\.id.rawValue))
      return refuse(.noSuchItem(id: wanted, suggestion: suggestion))
    }
    if !audit.applicability.isApplicable(item.id), let condition = item.applicableWhen {
      return refuse(.itemDoesNotApply(item: item.id, condition: condition))
    }
    currentItemID = item.id
    return SessionReply(text: renderItem(item))
  }

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
      lines.append(
        " \(marker) \(pad(item.id.rawValue, 12)) \(pad(status, 20)) \(shorten(item.text[language], 60))\(critical)"
      )
    }
    return SessionReply(text: lines.joined(separator: "\n"))
  }

  func find(_ rest: String) -> SessionReply {
    let query = rest.trimmingCharacters(in: .whitespaces)
    guard !query.isEmpty else { return refuse(.usage(.find)) }
    let checklists = audit.map { [$0.checklist] } ?? configuration.catalog.checklists
    // Items that hold the query as a phrase come first, then those that hold all its words in any order
    // (inspectors type keywords: "the cong chuc" should find "Cán bộ, công chức … đeo thẻ").
    var phraseMatches: [String] = []
    var wordMatches: [String] = []
    for checklist in checklists {
      for section in checklist.sections {
        for item in section.items {
          let fields: [String] = [
            item.id.rawValue, item.text.vi, item.text.en ?? "", item.guidance.vi, item.guidance.en ?? "",
            section.title.vi,
            section.title.en ?? "",
          ]
          let prefix = audit == nil ? "\(checklist.id) " : ""
          let line = "  \(prefix)\(pad(item.id.rawValue, 12)) \(shorten(item.text[language], 70))"
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

  func answerCommand(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    guard !audit.isFinished else { return refuse(.auditRefused(.alreadyFinished)) }
    guard let item = currentItem else { return refuse(.allAnswered) }
    let arguments = Arguments(rest)
    let answer = arguments.joined
    guard !answer.isEmpty else { return refuse(.usage(.answer)) }
    let remark = arguments.options["remark"].flatMap { $0.isEmpty ? nil : $0 }
    guard let outcome = AnswerParser.parse(answer, for: item.kind) else {
      return refuse(
        .answerNotAccepted(
          item: item.id, kind: item.kind, given: answer,
          suggestion: AnswerParser.suggestion(for: answer, kind: item.kind)))
    }
    return record(outcome, remark: remark, for: item)
  }

  /// `note` and `explain`: on the current item, or on the audit with `--general` (or when none is current).
  func itemText(
    _ rest: String, command: Command, change: (ItemID?, String) -> AuditEvent.Change
  ) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    let (general, body) = Self.takeGeneralFlag(rest)
    guard !body.isEmpty else { return refuse(.usage(command)) }
    let itemID = general ? nil : currentItemID
    if let refusal = commit(change(itemID, body)) { return refusal }
    return reply(.recorded(command: command, item: itemID))
  }

  /// `finding`, `recommend`, `representative`: about the audit as a whole.
  func auditText(_ rest: String, command: Command, change: (String) -> AuditEvent.Change) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    let body = Arguments(rest).joined
    guard !body.isEmpty else { return refuse(.usage(command)) }
    if let refusal = commit(change(body)) { return refusal }
    return reply(.recorded(command: command, item: nil))
  }

  static func takeGeneralFlag(_ rest: String) -> (general: Bool, body: String) {
    for flag in ["--general", "--chung"] where rest.lowercased().hasPrefix(flag) {
      return (true, String(rest.dropFirst(flag.count)).trimmingCharacters(in: .whitespaces))
    }
    return (false, rest.trimmingCharacters(in: .whitespaces))
  }

  func attach(_ rest: String) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    let (general, body) = Self.takeGeneralFlag(rest)
    let path = Arguments.words(of: body).joined(separator: " ")
    guard !path.isEmpty else { return refuse(.usage(.attach)) }
    let url = resolve(path, against: configuration.attachmentDirectory)
    let attachment: Attachment
    do {
      attachment = try Attachment.make(fileAt: url, by: configuration.inspector, at: configuration.clock())
    } catch {
      return refuse(.auditRefused(error))
    }
    let itemID = general ? nil : currentItemID
    if let refusal = commit(.attached(item: itemID, attachment: attachment)) { return refusal }
    return reply(.attached(attachment, item: itemID))
  }

  /// `path` as an absolute file URL: `~` expanded, relative paths against `base`.
  func resolve(_ path: String, against base: URL) -> URL {
    let expanded = (path as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
    return base.appending(path: expanded).standardizedFileURL
  }

  func skip(_ rest: String) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    guard let item = currentItem else { return refuse(.allAnswered) }
    let reason = rest.trimmingCharacters(in: .whitespaces)
    guard !reason.isEmpty else { return refuse(.usage(.skip)) }
    if let refusal = commit(.skipped(item: item.id, reason: reason)) { return refusal }
    currentItemID = nextOpenItem(after: item.id)
    return SessionReply(
      text: [text(.skipped(item: item.id)), "", renderCurrentOrDone()].joined(separator: "\n"))
  }

  func action(_ rest: String) -> SessionReply {
    guard audit != nil else { return refuse(.noAudit) }
    let arguments = Arguments(rest)
    guard let owner = arguments.options["owner"], let dueText = arguments.options["due"],
      !arguments.joined.isEmpty
    else { return refuse(.usage(.action)) }
    let due: CalendarDate
    do {
      due = try CalendarDate(parsing: dueText)
    } catch {
      return refuse(.badDate(error))
    }
    let change = AuditEvent.Change.correctiveAction(
      what: arguments.joined, owner: owner, due: due, item: currentItemID)
    if let refusal = commit(change) { return refusal }
    return reply(.recorded(command: .action, item: currentItemID))
  }

  func score() -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    return SessionReply(text: renderScore(audit.score(), audit: audit))
  }

  func finish(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let arguments = Arguments(rest)
    let keyPath = arguments.options["sign"] ?? arguments.options["ky"]
    if !rest.isEmpty && keyPath == nil { return refuse(.usage(.finish)) }
    // The key is read before anything is recorded: a key that cannot sign must not leave a finished,
    // unsigned audit behind.
    var key: SigningKey?
    if let keyPath {
      do {
        key = try SigningKey.read(from: resolve(keyPath, against: configuration.exportDirectory))
      } catch {
        return refuse(.signFailed(reason: error.description))
      }
    }
    var lines: [String] = []
    if audit.isFinished {
      // Signing an audit finished earlier is allowed; finishing it again is not.
      if key == nil { return refuse(.auditRefused(.alreadyFinished)) }
    } else {
      let open = audit.openItems
      if !open.isEmpty {
        let lines = open.map { "  \(pad($0.id.rawValue, 12)) \(shorten($0.text[language], 70))" }
        return SessionReply(
          text: ([text(.finishRefused(count: open.count))] + lines).joined(separator: "\n"), succeeded: false)
      }
      if let refusal = commit(.finished) { return refusal }
      currentItemID = nil
      guard let finished = self.audit else { return refuse(.noAudit) }
      lines = [text(.finished(id: finished.id)), "", renderScore(finished.score(), audit: finished)]
    }
    guard let key, let finished = self.audit else { return SessionReply(text: lines.joined(separator: "\n")) }
    let url = configuration.exportDirectory.appending(path: "\(finished.id).json")
    do {
      let sealed = try sealedExport(of: finished)
      let signed = try ExportIntegrity.sign(sealed, with: key, at: configuration.clock())
      try signed.jsonData().write(to: url, options: .atomic)
    } catch {
      // The audit stays finished (that is on disk); only the signature is missing, and can be made again.
      let reason = Self.describe(error)
      return SessionReply(
        text: (lines + [text(.signFailed(reason: "\(url.path): \(reason)"))]).joined(separator: "\n"),
        succeeded: false)
    }
    lines.append(text(.signed(signer: key.signer, fingerprint: key.publicKey.fingerprint, path: url.path)))
    return SessionReply(text: lines.joined(separator: "\n"))
  }

  /// An error's message: the description of KyCuong's own errors, the system's text for the others.
  static func describe(_ error: any Error) -> String {
    switch error {
    case let error as IntegrityError: error.description
    case let error as KeyError: error.description
    default: error.localizedDescription
    }
  }

  /// The export of `audit` with its `integrity`: the chain head of its log as it is on disk, and the digests.
  func sealedExport(of audit: Audit) throws(IntegrityError) -> AuditExport {
    let log: Data
    do {
      log = try store.logData(for: audit.id)
    } catch {
      throw IntegrityError(reason: error.description)
    }
    return try ExportIntegrity.seal(AuditExport(audit), log: log)
  }

  func export(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let url = outputURL(Arguments.words(of: rest).joined(separator: " "), defaultName: "\(audit.id).json")
    do {
      try sealedExport(of: audit).jsonData().write(to: url, options: .atomic)
    } catch {
      let reason = Self.describe(error)
      return refuse(.exportFailed(path: url.path, reason: reason))
    }
    return reply(.exported(path: url.path))
  }

  /// `record [PATH] [--format html|md]`: the inspection record ("biên bản") of the audit, in the session's
  /// language; HTML (printable on A4) unless the format or the file name says Markdown.
  func record(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    let arguments = Arguments(rest)
    let path = arguments.positional.joined(separator: " ")
    let markdown = arguments.options["format"] == "md" || path.hasSuffix(".md")
    guard arguments.options["format"].map({ $0 == "md" || $0 == "html" }) ?? true else {
      return refuse(.usage(.record))
    }
    let url = outputURL(path, defaultName: "\(audit.id)-bien-ban.\(markdown ? "md" : "html")")
    let export: AuditExport
    do {
      export = try sealedExport(of: audit)
    } catch {
      return refuse(.exportFailed(path: url.path, reason: Self.describe(error)))
    }
    let record = InspectionRecord(export: export, authenticity: ExportIntegrity.authenticity(of: export))
    let text = markdown ? record.markdown(language: language) : record.html(language: language)
    do {
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      return refuse(.exportFailed(path: url.path, reason: error.localizedDescription))
    }
    return reply(.recordWritten(path: url.path))
  }

  /// Where `export` and `record` write: `path` against the export folder, a folder's `defaultName` inside
  /// it, or `defaultName` in the export folder when no path is given.
  private func outputURL(_ path: String, defaultName: String) -> URL {
    var url =
      path.isEmpty
      ? configuration.exportDirectory.appending(path: defaultName)
      : resolve(path, against: configuration.exportDirectory)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
      url = url.appending(path: defaultName)
    }
    return url
  }

  func audits() -> SessionReply {
    let summaries = store.list()
    if summaries.isEmpty { return reply(.noAudits(directory: store.directory.path)) }
    return SessionReply(text: summaries.map(renderSummary).joined(separator: "\n"))
  }

  func resume(_ rest: String) -> SessionReply {
    let arguments = Arguments(rest, flagNames: ["read-only", "chi-doc"])
    guard let wanted = arguments.positional.first else { return refuse(.usage(.resume)) }
    let readOnly = !arguments.flags.isEmpty
    let ids = store.list().map(\.id)
    let matches = ids.contains(wanted) ? [wanted] : ids.filter { $0.hasPrefix(wanted) }
    if matches.count > 1 { return refuse(.ambiguousAudit(prefix: wanted, matches: matches)) }
    // No match: the store's own refusal says whether the id is malformed or absent.
    let id = matches.first ?? wanted
    let opened: AuditStore.OpenedAudit
    do {
      opened = try store.open(id, readOnly: readOnly)
    } catch {
      return refuse(.openFailed(error))
    }
    // Only once the new audit is open: a refused resume leaves the current audit as it was.
    if let audit, audit.id != id { closeAudit() }
    audit = opened.audit
    isReadOnly = opened.readOnly
    currentItemID = nextOpenItem(after: nil)
    var lines: [String] = []
    lines.append(text(.resumed(summary: AuditListing(opened.audit), readOnly: opened.readOnly)))
    if !opened.damage.isEmpty || !opened.chainBreaks.isEmpty {
      lines.append(text(.logDamage(opened.damage, chainBreaks: opened.chainBreaks)))
    }
    if let repair = opened.repair { lines.append(text(.logRepaired(repair, id: id))) }
    lines.append("")
    lines.append(renderCurrentOrDone())
    return SessionReply(text: lines.joined(separator: "\n"))
  }

  func lang(_ rest: String) -> SessionReply {
    let word = VietnameseFolding.fold(rest)
    switch word {
    case "vi", "viet", "tieng viet", "vietnamese": language = .vi
    case "en", "anh", "tieng anh", "english": language = .en
    default: return refuse(.usage(.lang))
    }
    return reply(.languageSet)
  }
}
