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
