import Foundation
import KyCuong

extension Session {
  /// The separator between an answer and a note on the same line: `n // 2 cán bộ không đeo thẻ`.
  static let noteSeparator = " // "

  /// `answer ANSWER [--remark TEXT]`: the current item's answer, typed after `answer` so that a text that
  /// starts like a command is taken as it is (quotes kept).
  func answerCommand(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    guard !audit.isFinished else { return refuse(.auditRefused(.alreadyFinished)) }
    guard let item = currentItem else { return refuse(.allAnswered) }
    let arguments: Arguments
    switch self.arguments(rest, for: .answer, options: ["remark"]) {
    case .success(let parsed): arguments = parsed
    case .failure(let refusal): return refusal.reply
    }
    let (answer, note) = Self.splitNote(arguments.text)
    guard !answer.isEmpty else { return refuse(.usage(.answer)) }
    let remark = arguments.options["remark"].flatMap { $0.isEmpty ? nil : $0 }
    guard let outcome = parseAnswer(answer, for: item) else {
      return refuse(
        .answerNotAccepted(
          item: item.id, kind: item.kind, given: answer,
          suggestion: AnswerParser.suggestion(for: answer, kind: item.kind)))
    }
    return record(outcome, remark: remark, note: note, for: item)
  }

  /// A line that is not a command: the current item's answer, or a mistyped command.
  func answerOrUnknown(_ line: String) -> SessionReply {
    guard let audit, !audit.isFinished, let item = currentItem else {
      let firstWord = String(line.split(whereSeparator: \.isWhitespace).first ?? "")
      let suggestion = Command.suggestion(for: firstWord)
      if let audit, audit.isFinished, suggestion == nil { return refuse(.auditFinished(id: audit.id)) }
      return refuse(.unknownCommand(word: firstWord, suggestion: suggestion))
    }
    let (withRemark, note) = Self.splitNote(line)
    let (answer, remark) = AnswerParser.splitRemark(withRemark)
    if case .text = item.kind {
      // Any text is an answer here: one that starts like a mistyped command is asked about first.
      let firstWord = String(line.split(whereSeparator: \.isWhitespace).first ?? "")
      // A command's own name starting a longer line is meant as text (`xem lại hồ sơ`); a near miss is asked.
      if Command.match(firstWord) == nil, let suggestion = Command.typoSuggestion(for: firstWord) {
        let question = text(.looksLikeCommand(word: firstWord, suggestion: suggestion, item: item.id))
        return ask(question) { session in
          session.record(.text(answer), remark: remark, note: note, for: item)
        }
      }
    }
    guard let outcome = parseAnswer(answer, for: item) else {
      // Only a refused line is worth a did-you-mean.
      let firstWord = String(line.split(whereSeparator: \.isWhitespace).first ?? "")
      if let suggestion = Command.suggestion(for: firstWord) {
        return refuse(.unknownCommand(word: firstWord, suggestion: suggestion))
      }
      if case .observation = item.kind, Int(answer) != nil {
        return refuse(.countNeedsObserved(item: item.id, given: answer))
      }
      return refuse(
        .answerNotAccepted(
          item: item.id, kind: item.kind, given: answer,
          suggestion: AnswerParser.suggestion(for: answer, kind: item.kind)))
    }
    return record(outcome, remark: remark, note: note, for: item)
  }

  /// `text` as an answer to `item`: the words of ``AnswerParser``, and for an observation item a single
  /// count `M`, read as `M/N` with N the staff present (`present N`).
  func parseAnswer(_ text: String, for item: Item) -> Outcome? {
    if case .text = item.kind { return AnswerParser.parse(text, for: item.kind) }
    if case .observation = item.kind, let compliant = Int(text.trimmingCharacters(in: .whitespaces)),
      let observed = audit?.staffPresent
    {
      return .observation(compliant: compliant, observed: observed)
    }
    return AnswerParser.parse(text, for: item.kind)
  }

  /// `line` without a note after ``noteSeparator``, and the note.
  static func splitNote(_ line: String) -> (answer: String, note: String?) {
    guard let range = line.range(of: noteSeparator) else { return (line, nil) }
    let note = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
    return (String(line[..<range.lowerBound]), note.isEmpty ? nil : note)
  }

  /// Records `outcome` for `item` (and `note` on it), then moves on to the next open item; the inspector
  /// stays on `item` for notes and evidence until acting on the next one.
  func record(_ outcome: Outcome, remark: String?, note: String? = nil, for item: Item) -> SessionReply {
    let previous = audit?.records[item.id]?.state ?? .unanswered
    var lines: [String] = []
    switch change(.answered(item: item.id, outcome: outcome, remark: remark)) {
    case .failure(.auditRefused(.unchanged)):
      // The same answer again changes nothing: say so and move on, as an answer would.
      lines.append(text(.answerUnchanged(item: item.id, outcome: outcome)))
    case .failure(let message): return refuse(message)
    case .success: break
    }
    if lines.isEmpty, case .unanswered = previous {
      lines.append(text(.answered(item: item.id, outcome: outcome)))
    } else if lines.isEmpty {
      lines.append(text(.answerChanged(item: item.id, from: previous, to: outcome, remark: remark)))
    }
    if let note {
      if let refusal = commit(.noted(item: item.id, text: note)) { return refusal }
      lines.append(text(.recorded(command: .note, item: item.id)))
    }
    currentItemID = nextOpenItem(after: item.id)
    focusItemID = currentItemID == item.id ? nil : item.id
    lines.append("")
    lines.append(renderCurrentOrDone())
    return SessionReply(text: lines.joined(separator: "\n"))
  }
}
