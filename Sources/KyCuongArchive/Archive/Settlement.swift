import Foundation
import KyCuong
import SQLKit

/// Keeps `corrective_actions.settled_by` true to the department summary's rule (``/KyCuong/AuditSummary``): an action
/// is settled when a later audit of the same unit and checklist shows the item it remedies passing. Each
/// import updates it inside its transaction, so that "which actions are overdue" is an index range of the
/// unsettled ones rather than a search of every later audit for every action.
///
/// `settled_by` names the first such audit (by start, then id), so that a summary that counts only audits
/// up to a day (`--to`) can tell from it alone whether a pass before that day settled the action.
enum Settlement {
  /// The audit that settles an action.
  struct Settler: Sendable {
    var auditID: String
    /// Its start, as stored.
    var startedAt: String
  }

  /// An action whose settlement must be worked out again.
  struct Pending: Codable, Sendable {
    var auditId: String
    var position: Int
    var unit: String
    var checklistId: String
    var itemId: String
    var auditStartedAt: String
  }

  /// The first audit of the action's unit and checklist after the action's audit in which `item` passes.
  static func firstLaterPass(
    of item: ItemID, after action: ActionRow, on db: any SQLDatabase
  ) async throws
    -> Settler?
  {
    try await firstLaterPass(
      of: item.rawValue, unit: action.unit, checklist: action.checklistId, after: action.auditStartedAt,
      on: db)
  }

  private static func firstLaterPass(
    of item: String, unit: String, checklist: String, after start: String, on db: any SQLDatabase
  ) async throws -> Settler? {
    let row = try await db.raw(
      """
      SELECT b.audit_id, b.started_at FROM audits b \
      JOIN item_results r ON r.audit_id = b.audit_id AND r.item_id = \(bind: item) \
      WHERE b.unit = \(bind: unit) AND b.checklist_id = \(bind: checklist) AND b.started_at > \(bind: start) \
      AND r.score = 1 \
      ORDER BY b.started_at, b.audit_id LIMIT 1
      """
    ).first()
    guard let row else { return nil }
    return Settler(
      auditID: try row.decode(column: "audit_id", as: String.self),
      startedAt: try row.decode(column: "started_at", as: String.self))
  }

  /// Settles the earlier actions of `audit`'s unit and checklist whose item passes in it, where it is
  /// earlier than the audit that settled them so far.
  ///
  /// Two statements, two ranges of `actions_by_unit_item_settled` (schema version 3), rather than one with
  /// `settled_at IS NULL OR …`, which reads every earlier action of the unit on the item: the unsettled
  /// actions, then those settled by an audit that started no earlier than this one.
  static func settle(by audit: AuditRecord, on db: any SQLDatabase) async throws {
    let passed = audit.items.filter { $0.verdict == .passed }.map {
      $0.itemID.rawValue as any Encodable & Sendable
    }
    guard !passed.isEmpty else { return }
    let start = ArchiveTime.string(audit.startedAt)
    let set: SQLQueryString =
      "UPDATE corrective_actions SET settled_by = \(bind: audit.id), settled_at = \(bind: start)"
    let earlierActions: SQLQueryString = """
       WHERE unit = \(bind: audit.unit) AND checklist_id = \(bind: audit.checklistID) \
      AND item_id IN (\(binds: passed)) AND audit_started_at < \(bind: start)
      """
    try await db.raw(set + earlierActions + " AND settled_at IS NULL").run()
    try await db.raw(
      set + earlierActions
        + """
         AND settled_at >= \(bind: start) \
        AND (settled_at > \(bind: start) OR settled_by > \(bind: audit.id))
        """
    ).run()
  }

  /// Unsettles the actions `audit` settled (before a later version of it replaces its items); the actions,
  /// for ``settleAgain(_:on:)``.
  static func release(settledBy audit: String, on db: any SQLDatabase) async throws -> [Pending] {
    let pending = try await db.raw(
      """
      SELECT audit_id, position, unit, checklist_id, item_id, audit_started_at FROM corrective_actions \
      WHERE settled_by = \(bind: audit)
      """
    ).all(Pending.self)
    try await db.raw(
      "UPDATE corrective_actions SET settled_by = NULL, settled_at = NULL WHERE settled_by = \(bind: audit)"
    ).run()
    return pending
  }

  /// Works out again the settlement of `actions` from the audits the archive holds now.
  static func settleAgain(_ actions: [Pending], on db: any SQLDatabase) async throws {
    for action in actions {
      let settler = try await firstLaterPass(
        of: action.itemId, unit: action.unit, checklist: action.checklistId, after: action.auditStartedAt,
        on: db)
      try await db.raw(
        """
        UPDATE corrective_actions SET settled_by = \(bind: settler?.auditID), settled_at = \(bind: settler?.startedAt) \
        WHERE audit_id = \(bind: action.auditId) AND position = \(bind: action.position)
        """
      ).run()
    }
  }
}
