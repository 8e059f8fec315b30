import Foundation
import KyCuongAudit
import KyCuongModel
import KyCuongSupport

extension AuditExport {
  /// One item's result.
  public struct ExportedItem: Hashable, Sendable, Codable {
    /// The item's id.
    public var id: ItemID
    /// Its section's id.
    public var section: String
    /// Its kind's name.
    public var kind: ItemKind.Name
    /// Its weight.
    public var weight: Double
    /// Whether it is critical.
    public var critical: Bool
    /// Its tags.
    public var tags: [String]
    /// Whether it applied (its `applicableWhen` held).
    public var applicable: Bool
    /// Answered, skipped or unanswered.
    public var status: ItemStatus
    /// The answer, when answered.
    public var outcome: Outcome?
    /// Why it was not checked, when skipped.
    public var skipReason: String?
    /// Remark given with the answer.
    public var remark: String?
    /// Who answered or skipped it.
    public var by: String?
    /// When.
    public var at: Date?
    /// Score 0…1, `nil` when not scored.
    public var score: Double?
    /// Evidence notes.
    public var notes: [Remark]
    /// Attachments.
    public var attachments: [Attachment]
    /// The unit's explanations.
    public var explanations: [Remark]
    /// Earlier answers.
    public var history: [AnswerOverride]

    /// The state this record describes.
    public var state: ItemState {
      switch status {
      case .answered: outcome.map(ItemState.answered) ?? .unanswered
      case .skipped: .skipped(reason: skipReason ?? "")
      case .unanswered: .unanswered
      }
    }
  }
}

extension AuditExport.ExportedItem: ParsedValueDecodable {
  /// The item as its synthesized `init(from:)` reads it, for an item in the form exports write (see
  /// ``ParsedValueDecodable``): the members it decodes present and of their kinds, the optional ones absent,
  /// `null` or of their kinds; `nil` otherwise. Members are asked for in the order exports sort them.
  package init?(parsedValue json: JSONValue) {
    guard var member = MemberReader(json),
      let applicable = member("applicable")?.boolValue,
      let at = JSONValue.optional(member("at"), \.dateValue),
      let attachments = JSONValue.array(member("attachments"), { $0.decoded(as: Attachment.self) }),
      let by = JSONValue.optional(member("by"), \.stringValue), let critical = member("critical")?.boolValue,
      let explanations = JSONValue.array(member("explanations"), Remark.init(parsedValue:)),
      let history = JSONValue.array(member("history"), { $0.decoded(as: AnswerOverride.self) }),
      let id = member("id")?.stringValue,
      let kind = member("kind")?.stringValue.flatMap(ItemKind.Name.init(rawValue:)),
      let notes = JSONValue.array(member("notes"), Remark.init(parsedValue:)),
      let outcome = JSONValue.optional(member("outcome"), Outcome.init(parsedValue:)),
      let remark = JSONValue.optional(member("remark"), \.stringValue),
      let score = JSONValue.optional(member("score"), \.numberValue),
      let section = member("section")?.stringValue,
      let skipReason = JSONValue.optional(member("skipReason"), \.stringValue),
      let status = member("status")?.stringValue.flatMap(ItemStatus.init(rawValue:)),
      let tags = JSONValue.array(member("tags"), \.stringValue), let weight = member("weight")?.numberValue
    else { return nil }
    self.init(
      id: ItemID(id), section: section, kind: kind, weight: weight, critical: critical, tags: tags,
      applicable: applicable, status: status, outcome: outcome, skipReason: skipReason, remark: remark,
      by: by, at: at, score: score, notes: notes, attachments: attachments, explanations: explanations,
      history: history)
  }
}
