import Foundation
import KyCuong
import KyCuongStore

/// A question `start` asks when its line did not say everything.
enum StartQuestion: Hashable, Sendable, CaseIterable {
  case checklist, unit, address, province, level, oneStopDesk, leader, members, secretary, recorder, visit
  case decision, plan, issuer, representative

  /// Whether the audit cannot start without an answer (the others take Enter for "not recorded").
  var isRequired: Bool {
    switch self {
    case .checklist, .unit, .leader, .members, .visit, .province, .level, .oneStopDesk: true
    default: false
    }
  }
}

/// What `start` knows so far.
struct StartDraft {
  var checklistID: String?
  var unit: String?
  var address: String??
  var province: String?
  var level: GovernmentLevel?
  var oneStopDesk: Bool?
  var leader: TeamMember?
  var members: [TeamMember]?
  var secretary: TeamMember??
  var recorder: String??
  var visit: VisitType?
  var decision: DocumentReference??
  var plan: DocumentReference??
  var issuer: String??
  var representative: TeamMember??
  /// Whether the context (province, level, one-stop desk) is asked: the checklist has items that depend on it.
  var needsContext = false
  /// Whether the optional questions are asked too: the line did not give everything `start` needs, so the
  /// inspector is answering questions anyway. A complete line (a script) starts at once.
  var dialogue = false

  /// The first thing still missing, in the order an inspector fills a record's header.
  var nextQuestion: StartQuestion? {
    for question in StartQuestion.allCases where isMissing(question) {
      if !question.isRequired && !dialogue { continue }
      if [.province, .level, .oneStopDesk].contains(question) && !needsContext { continue }
      return question
    }
    return nil
  }

  private func isMissing(_ question: StartQuestion) -> Bool {
    switch question {
    case .checklist: checklistID == nil
    case .unit: unit == nil
    case .address: address == nil
    case .province: province == nil
    case .level: level == nil
    case .oneStopDesk: oneStopDesk == nil
    case .leader: leader == nil
    case .members: members == nil
    case .secretary: secretary == nil
    case .recorder: recorder == nil
    case .visit: visit == nil
    case .decision: decision == nil
    case .plan: plan == nil
    case .issuer: issuer == nil
    case .representative: representative == nil
    }
  }

  /// Whether every required answer is there.
  var hasRequired: Bool {
    !StartQuestion.allCases.contains { question in
      question.isRequired && isMissing(question)
        && !([.province, .level, .oneStopDesk].contains(question) && !needsContext)
    }
  }
}

extension Session {
  /// The options of `start`.
  static let startOptions: Set<String> = [
    "unit", "address", "leader", "members", "secretary", "recorder", "visit", "province", "level", "one-stop",
    "decision", "plan", "issuer", "representative",
  ]

  /// `start [checklist] [--unit U] [--address A] [--leader "NAME (POSITION)"] [--members "A (…), B"]
  /// [--secretary NAME] [--recorder NAME] [--visit scheduled|surprise] [--province P] [--level province|commune]
  /// [--one-stop yes|no] [--decision "NUMBER, DATE, ISSUER"] [--plan "NUMBER, DATE"] [--issuer BODY]
  /// [--representative "NAME (POSITION)"]`: takes what the line gives and asks for the rest, one question
  /// per line.
  func start(_ rest: String) -> SessionReply {
    let arguments: Arguments
    switch self.arguments(rest, for: .start, options: Self.startOptions) {
    case .success(let parsed): arguments = parsed
    case .failure(let refusal): return refusal.reply
    }
    var draft = StartDraft()
    var problems: [String] = []
    if let id = arguments.positional.first {
      if let checklist = checklist(named: id) {
        draft.checklistID = checklist.id
        draft.needsContext = Self.hasContextItems(checklist)
      } else {
        problems.append(text(.noSuchChecklist(id: id, available: configuration.catalog.checklists.map(\.id))))
      }
    }
    let options = arguments.options
    func value(_ name: String) -> String? { options[name].flatMap { $0.isEmpty ? nil : $0 } }
    if let unit = value("unit") { draft.unit = unit }
    if let address = options["address"] { draft.address = .some(address.isEmpty ? nil : address) }
    if let leader = value("leader") { draft.leader = Self.person(leader, role: .leader) }
    if let members = options["members"] { draft.members = Self.people(members, role: .member) }
    if let secretary = options["secretary"] {
      draft.secretary = .some(secretary.isEmpty ? nil : Self.person(secretary, role: .secretary))
    }
    if let recorder = options["recorder"] { draft.recorder = .some(recorder.isEmpty ? nil : recorder) }
    if let province = value("province") { draft.province = province }
    if let level = options["level"] {
      if let parsed = Self.level(level) {
        draft.level = parsed
      } else {
        problems.append(text(.badLevel(level)))
      }
    }
    if let oneStop = options["one-stop"] {
      if let parsed = Self.yesNo(oneStop) {
        draft.oneStopDesk = parsed
      } else {
        problems.append(text(.badYesNo(oneStop)))
      }
    }
    for (name, keyPath) in [("decision", \StartDraft.decision), ("plan", \StartDraft.plan)] {
      guard let given = options[name] else { continue }
      switch Self.document(given) {
      case .success(let document): draft[keyPath: keyPath] = .some(document)
      case .failure(let error): problems.append(text(.badDate(error)))
      }
    }
    if let issuer = options["issuer"] { draft.issuer = .some(issuer.isEmpty ? nil : issuer) }
    if let representative = options["representative"] {
      draft.representative = .some(representative.isEmpty ? nil : Self.person(representative, role: .member))
    }
    if let visit = options["visit"] {
      if let type = Self.visitType(visit) {
        draft.visit = type
      } else {
        problems.append(text(.badVisitType(visit)))
      }
    }
    if configuration.catalog.checklists.isEmpty { return refuse(.noChecklists) }
    // A line that gives everything starts the audit. One that lacks the checklist, the unit, the team or the
    // visit type starts a dialogue: every question is asked, optional ones too. The context alone is asked
    // on its own when the checklist needs it.
    draft.dialogue =
      draft.checklistID == nil || draft.unit == nil || draft.leader == nil || draft.members == nil
      || draft.visit == nil
    startDraft = draft
    if problems.isEmpty, draft.nextQuestion == nil { return finishStart() }
    let question = text(.startAsking) + "\n" + questionText(draft.nextQuestion)
    return SessionReply(text: (problems + [question]).joined(separator: "\n"), succeeded: problems.isEmpty)
  }

  /// Reads a line as the answer to the current question of `start`.
  func answerStartQuestion(_ line: String) -> SessionReply {
    guard var draft = startDraft, let question = draft.nextQuestion else {
      startDraft = nil
      return refuse(.nothingToCancel)
    }
    if ["cancel", "huy"].contains(VietnameseFolding.fold(line)) {
      startDraft = nil
      return reply(.startCancelled)
    }
    let given: String? = line.isEmpty ? nil : line
    switch question {
    case .checklist:
      let checklists = configuration.catalog.checklists
      let chosen: Checklist?
      if let number = Int(line), checklists.indices.contains(number - 1) {
        chosen = checklists[number - 1]
      } else {
        chosen = checklist(named: line)
      }
      guard let chosen else { return refuse(.noSuchChecklist(id: line, available: checklists.map(\.id))) }
      draft.checklistID = chosen.id
      draft.needsContext = Self.hasContextItems(chosen)
    case .unit:
      guard let given else { return refuse(.answerRequired) }
      draft.unit = given
    case .address: draft.address = .some(given)
    case .province:
      guard let given else { return refuse(.answerRequired) }
      draft.province = given
    case .level:
      guard let level = Self.level(line) else { return refuse(.badLevel(line)) }
      draft.level = level
    case .oneStopDesk:
      guard let oneStop = Self.yesNo(line) else { return refuse(.badYesNo(line)) }
      draft.oneStopDesk = oneStop
    case .leader:
      let name = given ?? (configuration.inspector.isEmpty ? nil : configuration.inspector)
      guard let name else { return refuse(.answerRequired) }
      draft.leader = Self.person(name, role: .leader)
    case .members: draft.members = Self.people(line, role: .member)
    case .secretary: draft.secretary = .some(given.map { Self.person($0, role: .secretary) })
    case .recorder: draft.recorder = .some(given)
    case .visit:
      guard let visit = Self.visitType(line) else { return refuse(.badVisitType(line)) }
      draft.visit = visit
    case .decision, .plan:
      var document: DocumentReference?
      if let given {
        switch Self.document(given) {
        case .success(let parsed): document = parsed
        case .failure(let error): return refuse(.badDate(error))
        }
      }
      if question == .decision { draft.decision = .some(document) } else { draft.plan = .some(document) }
    case .issuer: draft.issuer = .some(given)
    case .representative: draft.representative = .some(given.map { Self.person($0, role: .member) })
    }
    startDraft = draft
    if draft.nextQuestion == nil { return finishStart() }
    return SessionReply(text: questionText(draft.nextQuestion))
  }

  /// Creates the audit from a complete draft, saves it and shows its first item.
  func finishStart() -> SessionReply {
    guard let draft = startDraft, let id = draft.checklistID, let checklist = configuration.catalog[id],
      let unit = draft.unit, let leader = draft.leader, let visit = draft.visit
    else {
      startDraft = nil
      return refuse(.startCancelled)
    }
    startDraft = nil
    let now = configuration.clock()
    var people = [leader] + (draft.members ?? [])
    if let secretary = draft.secretary ?? nil {
      // A member named as secretary takes that role rather than appearing twice.
      if let index = people.firstIndex(where: { $0.name == secretary.name && $0.role != .leader }) {
        people[index].role = .secretary
        if people[index].title == nil { people[index].title = secretary.title }
      } else {
        people.append(secretary)
      }
    }
    var context: AuditContext?
    if let province = draft.province, let level = draft.level, let oneStop = draft.oneStopDesk {
      context = AuditContext(province: province, level: level, oneStopDesk: oneStop)
    }
    let basis = LegalBasis(decision: draft.decision ?? nil, plan: draft.plan ?? nil)
    let representative = draft.representative ?? nil
    let header = AuditHeader(
      id: AuditHeader.makeID(unit: unit, at: now), checklist: checklist,
      unit: InspectedUnit(
        name: unit, address: draft.address ?? nil, representative: representative?.name,
        representativeTitle: representative?.title),
      team: InspectionTeam(people: people), visitType: visit, context: context,
      basis: basis.isEmpty ? nil : basis, issuingBody: draft.issuer ?? nil)
    let chosenRecorder =
      (draft.recorder ?? nil) ?? (configuration.inspector.isEmpty ? leader.name : configuration.inspector)
    var newAudit = Audit(header: header, by: chosenRecorder, at: now)
    // Items this kind of visit does not check are recorded skipped with the standard reason, so the
    // record says why.
    let notChecked = (try? newAudit.skipItemsNotCheckedOnThisVisit()) ?? []
    do {
      try store.create(newAudit)
    } catch {
      return refuse(.notSaved(error))
    }
    // The previous audit (saved already) is closed only now, so a cancelled start leaves it open.
    closeAudit()
    audit = newAudit
    recorder = chosenRecorder
    isReadOnly = false
    moveTo(nextOpenItem(after: nil))
    _ = notChecked
    var lines = [text(.started(id: newAudit.id, checklist: checklist, unit: unit, visit: visit))]
    lines.append(text(.recordingAs(chosenRecorder)))
    if checklist.historical { lines.append(text(.historicalChecklist(checklist.id))) }
    let skippedIDs = notChecked.compactMap(\.change.itemID)
    if !skippedIDs.isEmpty { lines.append(text(.notCheckedOnVisit(skippedIDs, visit: visit))) }
    if draft.needsContext && context == nil { lines.append(text(.noContext)) }
    lines += ["", renderCurrentOrDone()]
    return SessionReply(text: lines.joined(separator: "\n"))
  }

  /// The question's full text: for the checklist, the numbered list to pick from.
  func questionText(_ question: StartQuestion?) -> String {
    guard let question else { return "" }
    switch question {
    case .checklist:
      let lines = configuration.catalog.checklists.enumerated().map { index, checklist in
        "  \(index + 1). \(checklist.id) — \(checklist.title[language])"
      }
      return ([text(.askChecklist)] + lines).joined(separator: "\n")
    case .leader: return text(.askLeader(default: configuration.inspector))
    case .recorder:
      return text(.askRecorder(default: startDraft?.leader?.name ?? configuration.inspector))
    default: return text(.ask(question))
    }
  }

  /// The prompt while a question is asked.
  func startQuestionPrompt(_ question: StartQuestion) -> String {
    if question == .leader, !configuration.inspector.isEmpty {
      return "\(text(.prompt(question))) [\(configuration.inspector)]"
    }
    return text(.prompt(question))
  }

  /// The catalog's checklist named `id`, ignoring case.
  func checklist(named id: String) -> Checklist? {
    configuration.catalog.checklists.first { $0.id.lowercased() == id.lowercased() }
  }

  /// Whether some item of `checklist` depends on the province, level or kind of unit.
  static func hasContextItems(_ checklist: Checklist) -> Bool {
    checklist.items.contains { $0.applicableWhen?.context != nil }
  }

  /// `Nguyễn Văn An (Phó Giám đốc Sở Nội vụ)`: a name and, in brackets, a position.
  static func person(_ text: String, role: TeamRole) -> TeamMember {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else {
      return TeamMember(name: trimmed, role: role)
    }
    let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
    let title = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
      .trimmingCharacters(in: .whitespaces)
    return TeamMember(name: name, title: title.isEmpty ? nil : title, role: role)
  }

  /// People separated by commas or semicolons (not inside brackets), each with an optional position.
  static func people(_ text: String, role: TeamRole) -> [TeamMember] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    for character in text {
      if character == "(" { depth += 1 }
      if character == ")" { depth = max(0, depth - 1) }
      if depth == 0 && (character == "," || character == ";") {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    parts.append(current)
    return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map {
      person($0, role: role)
    }
  }

  /// Names separated by commas or semicolons.
  static func names(_ text: String) -> [String] {
    people(text, role: .member).map(\.name)
  }

  /// `123/QĐ-UBND, 15/01/2026, UBND tỉnh Bắc Ninh` (number, date, issuer; the last two optional), or the
  /// number and the date separated by a space.
  static func document(_ text: String) -> Result<DocumentReference, CalendarDate.ParseError> {
    let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
    guard var number = parts.first else { return .success(DocumentReference(number: text)) }
    var date: CalendarDate?
    var issuer: [String] = []
    if parts.count == 1, let space = number.lastIndex(of: " ") {
      let last = String(number[number.index(after: space)...])
      if let parsed = try? CalendarDate(parsing: last) {
        date = parsed
        number = String(number[..<space]).trimmingCharacters(in: .whitespaces)
      }
    }
    for part in parts.dropFirst() {
      if date == nil, part.first?.isNumber ?? false, part.contains("/") || part.contains("-") {
        do {
          date = try CalendarDate(parsing: part)
        } catch {
          return .failure(error)
        }
      } else {
        issuer.append(part)
      }
    }
    return .success(
      DocumentReference(
        number: number, date: date, issuer: issuer.isEmpty ? nil : issuer.joined(separator: ", ")))
  }

  /// A visit type in either language, with or without diacritics, or by number (1 scheduled, 2 surprise).
  static func visitType(_ text: String) -> VisitType? {
    switch VietnameseFolding.fold(text) {
    case "scheduled", "dinh ky", "dinhky", "1": .scheduled
    case "surprise", "dot xuat", "dotxuat", "2": .surprise
    default: nil
    }
  }

  /// A level of government in either language, or by number (1 province, 2 commune).
  static func level(_ text: String) -> GovernmentLevel? {
    switch VietnameseFolding.fold(text) {
    case "province", "tinh", "cap tinh", "1": .province
    case "commune", "xa", "cap xa", "phuong", "2": .commune
    default: nil
    }
  }

  /// Yes or no in either language.
  static func yesNo(_ text: String) -> Bool? {
    switch VietnameseFolding.fold(text) {
    case "co", "c", "yes", "y": true
    case "khong", "k", "no", "n": false
    default: nil
    }
  }
}
