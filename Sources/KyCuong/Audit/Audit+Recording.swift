import Foundation
import KyCuongModel
import KyCuongSupport

extension Audit {
  /// Records `change`, made by ``recorder`` now (``clock``).
  ///
  /// - Parameter change: What changes.
  /// - Returns: The event, for the caller to write to the audit's log.
  /// - Throws: ``AuditError`` saying what to fix; the audit is unchanged.
  @discardableResult
  public mutating func record(_ change: AuditEvent.Change) throws(AuditError) -> AuditEvent {
    try record(change, by: recorder, at: clock.now())
  }

  /// Answers `item`; a later answer overrides this one and keeps it in the item's history.
  ///
  /// - Parameters:
  ///   - item: The item.
  ///   - outcome: The answer; it must fit the item's kind.
  ///   - remark: Why, when the answer changes an earlier one.
  /// - Returns: The event.
  /// - Throws: ``AuditError`` when the item is unknown, does not apply or does not take the answer.
  @discardableResult
  public mutating func answer(
    _ item: ItemID, _ outcome: Outcome, remark: String? = nil
  ) throws(AuditError)
    -> AuditEvent
  {
    try record(.answered(item: item, outcome: outcome, remark: remark))
  }

  /// Records that `item` was not checked, and why.
  ///
  /// - Parameters:
  ///   - item: The item.
  ///   - reason: Why it was not checked.
  /// - Returns: The event.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func skip(_ item: ItemID, reason: String) throws(AuditError) -> AuditEvent {
    try record(.skipped(item: item, reason: reason))
  }

  /// Records an evidence note on `item`, or on the audit as a whole.
  ///
  /// - Parameters:
  ///   - text: What was seen.
  ///   - item: The item, or `nil` for the audit.
  /// - Returns: The event.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func note(_ text: String, on item: ItemID? = nil) throws(AuditError) -> AuditEvent {
    try record(.noted(item: item, text: text))
  }

  /// Records a file kept as evidence (see ``Attachment/make(fileAt:by:at:)``).
  ///
  /// - Parameters:
  ///   - attachment: The file's record.
  ///   - item: The item, or `nil` for the audit.
  /// - Returns: The event.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func attach(
    _ attachment: Attachment, to item: ItemID? = nil
  ) throws(AuditError) -> AuditEvent {
    try record(.attached(item: item, attachment: attachment))
  }

  /// Records the unit's explanation.
  ///
  /// - Parameters:
  ///   - text: What the unit said.
  ///   - item: The item, or `nil` for the audit.
  /// - Returns: The event.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func explain(_ text: String, on item: ItemID? = nil) throws(AuditError) -> AuditEvent {
    try record(.explained(item: item, text: text))
  }

  /// Records a finding of the team.
  ///
  /// - Parameter text: The finding.
  /// - Returns: The event.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func addFinding(_ text: String) throws(AuditError) -> AuditEvent {
    try record(.finding(text: text))
  }

  /// Records a recommendation of the team.
  ///
  /// - Parameter text: The recommendation.
  /// - Returns: The event.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func addRecommendation(_ text: String) throws(AuditError) -> AuditEvent {
    try record(.recommendation(text: text))
  }

  /// Records a corrective action the unit must take.
  ///
  /// - Parameters:
  ///   - what: What must be done.
  ///   - owner: Who is responsible.
  ///   - due: The deadline.
  ///   - item: The item it remedies, if any.
  /// - Returns: The event.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func requireAction(
    _ what: String, owner: String, due: CalendarDate, for item: ItemID? = nil
  ) throws(AuditError) -> AuditEvent {
    try record(.correctiveAction(what: what, owner: owner, due: due, item: item))
  }

  /// Records the unit's representative who signs the record.
  ///
  /// - Parameter name: The representative's name.
  /// - Returns: The event.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func setRepresentative(_ name: String) throws(AuditError) -> AuditEvent {
    try record(.representative(name: name))
  }

  /// Records every item not checked on this kind of visit (``itemsNotCheckedOnThisVisit``) as skipped,
  /// with the standard reason, so the record says why they were not checked.
  ///
  /// - Returns: The events, in checklist order.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func skipItemsNotCheckedOnThisVisit() throws(AuditError) -> [AuditEvent] {
    var recorded: [AuditEvent] = []
    for item in itemsNotCheckedOnThisVisit {
      recorded.append(try skip(item.id, reason: Self.notCheckedOnVisitReason(header.visitType).vi))
    }
    return recorded
  }

  /// The reason recorded for an item skipped because it is not checked on a visit of `type`.
  ///
  /// - Parameter type: The audit's visit type.
  public static func notCheckedOnVisitReason(_ type: VisitType) -> LocalizedText {
    switch type {
    case .surprise:
      LocalizedText(
        vi: "Kiểm tra đột xuất: mục này cần hồ sơ chuẩn bị trước, không kiểm tra trong lần này",
        en: "Surprise visit: this item needs records prepared in advance and was not checked this time")
    case .scheduled:
      LocalizedText(
        vi: "Mục này chỉ kiểm tra khi kiểm tra đột xuất", en: "This item is checked on surprise visits only")
    }
  }

  /// Closes the audit; it takes no more changes.
  ///
  /// - Returns: The event.
  /// - Throws: ``AuditError/openItems(_:)`` while an applicable item is neither answered nor skipped.
  @discardableResult
  public mutating func finish() throws(AuditError) -> AuditEvent {
    try record(.finished)
  }
}
