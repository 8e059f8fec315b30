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

  /// Records the unit's explanation, in the name of who gave it.
  ///
  /// - Parameters:
  ///   - text: What the unit said.
  ///   - item: The item, or `nil` for the audit.
  ///   - speaker: Who said it; the unit's representative when `nil` and one is recorded.
  /// - Returns: The event.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func explain(
    _ text: String, on item: ItemID? = nil, speaker: String? = nil
  ) throws(AuditError) -> AuditEvent {
    try record(.explained(item: item, text: text, speaker: speaker ?? header.unit.representative))
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
  /// - Parameters:
  ///   - name: The representative's name.
  ///   - title: Their position.
  /// - Returns: The event.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func setRepresentative(
    _ name: String, title: String? = nil
  ) throws(AuditError) -> AuditEvent {
    try record(.representative(name: name, title: title))
  }

  /// Records the number of staff present, the default number observed of later observation answers.
  ///
  /// - Parameter count: The number of staff present, at least 1.
  /// - Returns: The event.
  /// - Throws: ``AuditError/invalidCount(field:value:)``.
  @discardableResult
  public mutating func countStaff(_ count: Int) throws(AuditError) -> AuditEvent {
    try record(.staffPresent(count: count))
  }

  /// Withdraws the entry (or answer, or skip) that event `sequence` made, keeping both in the log.
  ///
  /// - Parameters:
  ///   - sequence: The sequence number of the event that made the entry.
  ///   - reason: Why it is withdrawn.
  /// - Returns: The event.
  /// - Throws: ``AuditError/noSuchEvent(_:)``, ``AuditError/notRetractable(event:type:)``,
  ///   ``AuditError/alreadyRetracted(_:)``.
  @discardableResult
  public mutating func retract(_ sequence: Int, reason: String) throws(AuditError) -> AuditEvent {
    try record(.retracted(event: sequence, reason: reason))
  }

  /// Opens a finished audit again, until its record is signed.
  ///
  /// - Parameter reason: Why.
  /// - Returns: The event.
  /// - Throws: ``AuditError/notFinished``, ``AuditError/alreadySigned``.
  @discardableResult
  public mutating func reopen(reason: String) throws(AuditError) -> AuditEvent {
    try record(.reopened(reason: reason))
  }

  /// Records the number of pages and copies of the record, for its closing statement.
  ///
  /// - Parameters:
  ///   - pages: The record's pages.
  ///   - copies: The copies made.
  /// - Returns: The event.
  /// - Throws: ``AuditError/invalidCount(field:value:)``.
  @discardableResult
  public mutating func setRecordDetails(pages: Int, copies: Int) throws(AuditError) -> AuditEvent {
    try record(.recordDetails(pages: pages, copies: copies))
  }

  /// Records that `name` refused to sign the record, and why.
  ///
  /// - Parameters:
  ///   - name: Who refused.
  ///   - reason: The reason given.
  /// - Returns: The event.
  /// - Throws: ``AuditError``.
  @discardableResult
  public mutating func recordRefusalToSign(
    _ name: String, reason: String
  ) throws(AuditError) -> AuditEvent {
    try record(.refusedToSign(name: name, reason: reason))
  }

  /// Records that the record was signed; the audit then takes no more changes.
  ///
  /// - Parameters:
  ///   - signer: Who signed for the team; the leader by default.
  ///   - keyFingerprint: The fingerprint of the key of a digital signature, if any.
  /// - Returns: The event.
  /// - Throws: ``AuditError/notFinished`` before the audit is finished.
  @discardableResult
  public mutating func sign(
    by signer: String? = nil, keyFingerprint: String? = nil
  ) throws(AuditError) -> AuditEvent {
    try record(.signed(signer: signer ?? header.team.leader, keyFingerprint: keyFingerprint))
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
  /// - Returns: The reason in Vietnamese and English: on a surprise visit, that the item needs records
  ///   prepared in advance; on a scheduled one, that it is checked on surprise visits only.
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

  /// Closes the audit; it takes no more changes until it is reopened (``reopen(reason:)``).
  ///
  /// - Returns: The event.
  /// - Throws: ``AuditError/openItems(_:)`` while an applicable item is neither answered nor skipped.
  @discardableResult
  public mutating func finish() throws(AuditError) -> AuditEvent {
    try record(.finished)
  }
}
