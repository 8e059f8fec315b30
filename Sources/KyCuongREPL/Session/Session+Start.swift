import Foundation
import KyCuong
import KyCuongStore

/// A question `start` asks when its line did not say everything.
enum StartQuestion: Hashable, Sendable {
  case checklist, unit, leader, members, visit
}

/// What `start` knows so far.
struct StartDraft {
  var checklistID: String?
  var unit: String?
  var address: String?
  var leader: String?
  var members: [String]?
  var visit: VisitType?

  /// The first thing still missing, in the order an inspector fills a record's header.
  var nextQuestion: StartQuestion? {
    if checklistID == nil { return .checklist }
    if unit == nil { return .unit }
    if leader == nil { return .leader }
    if members == nil { return .members }
    if visit == nil { return .visit }
    return nil
  }
}

extension Session {
  /// `start [checklist] [--unit U] [--address A] [--leader L] [--members "A, B"] [--visit scheduled|surprise]`:
  /// takes what the line gives and asks for the rest, one question per line.
  func start(_ rest: String) -> SessionReply {
    let arguments = Arguments(rest)
    var draft = StartDraft()
    var problems: [String] = []
    if let id = arguments.positional.first {
      if let checklist = checklist(named: id) {
        draft.checklistID = checklist.id
      } else {
        problems.append(text(.noSuchChecklist(id: id, available: configuration.catalog.checklists.map(\.id))))
      }
    }
    if let unit = arguments.options["unit"], !unit.isEmpty { draft.unit = unit }
    if let address = arguments.options["address"], !address.isEmpty { draft.address = address }
    if let leader = arguments.options["leader"], !leader.isEmpty { draft.leader = leader }
    if let members = arguments.options["members"] { draft.members = Self.names(members) }
    if let visit = arguments.options["visit"] {
      if let type = Self.visitType(visit) {
        draft.visit = type
      } else {
        problems.append(text(.badVisitType(visit)))
      }
    }
    let unknown = Set(arguments.options.keys).subtracting(["unit", "address", "leader", "members", "visit"])
    if let option = unknown.sorted().first { problems.append(text(.unknownOption(option, command: .start))) }
    if configuration.catalog.checklists.isEmpty { return refuse(.noChecklists) }
    startDraft = draft
    if draft.nextQuestion == nil { return finishStart() }
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
    switch question {
    case .checklist:
      let checklists = configuration.catalog.checklists
      if let number = Int(line), checklists.indices.contains(number - 1) {
        draft.checklistID = checklists[number - 1].id
      } else if let checklist = checklist(named: line) {
        draft.checklistID = checklist.id
      } else {
        return refuse(.noSuchChecklist(id: line, available: checklists.map(\.id)))
      }
    case .unit:
      guard !line.isEmpty else { return refuse(.answerRequired) }
      draft.unit = line
    case .leader:
      let leader = line.isEmpty ? configuration.inspector : line
      guard !leader.isEmpty else { return refuse(.answerRequired) }
      draft.leader = leader
    case .members:
      draft.members = Self.names(line)
    case .visit:
      guard let visit = Self.visitType(line) else { return refuse(.badVisitType(line)) }
      draft.visit = visit
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
    let header = AuditHeader(
      id: AuditHeader.makeID(unit: unit, at: now), checklist: checklist,
      unit: InspectedUnit(name: unit, address: draft.address),
      team: InspectionTeam(leader: leader, members: draft.members ?? []), visitType: visit)
    let newAudit = Audit(header: header, by: configuration.inspector, at: now)
    do {
      try store.create(newAudit)
    } catch {
      return refuse(.notSaved(error))
    }
    // The previous audit (saved already) is closed only now, so a cancelled start leaves it open.
    closeAudit()
    audit = newAudit
    isReadOnly = false
    currentItemID = nextOpenItem(after: nil)
    let started = text(.started(id: newAudit.id, checklist: checklist, unit: unit, visit: visit))
    return SessionReply(text: [started, "", renderCurrentOrDone()].joined(separator: "\n"))
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
    case .unit: return text(.askUnit)
    case .leader: return text(.askLeader(default: configuration.inspector))
    case .members: return text(.askMembers)
    case .visit: return text(.askVisit)
    }
  }

  /// The prompt while a question is asked.
  func startQuestionPrompt(_ question: StartQuestion) -> String {
    switch question {
    case .checklist: text(.promptChecklist)
    case .unit: text(.promptUnit)
    case .leader:
      configuration.inspector.isEmpty
        ? text(.promptLeader) : "\(text(.promptLeader)) [\(configuration.inspector)]"
    case .members: text(.promptMembers)
    case .visit: text(.promptVisit)
    }
  }

  /// The catalog's checklist named `id`, ignoring case.
  func checklist(named id: String) -> Checklist? {
    configuration.catalog.checklists.first { $0.id.lowercased() == id.lowercased() }
  }

  /// Names separated by commas or semicolons.
  static func names(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "," || $0 == ";" })
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  /// A visit type in either language, with or without diacritics, or by number (1 scheduled, 2 surprise).
  static func visitType(_ text: String) -> VisitType? {
    switch VietnameseFolding.fold(text) {
    case "scheduled", "dinh ky", "dinhky", "1": .scheduled
    case "surprise", "dot xuat", "dotxuat", "2": .surprise
    default: nil
    }
  }
}
