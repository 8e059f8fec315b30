import KyCuongModel

/// Why devices' logs of a team audit could not be merged. Nothing is merged; each case names the log (or
/// the device and event) and the rule.
public enum TeamMergeError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No log was given.
  case noLogs
  /// A log does not replay as an audit on its own.
  case notAnAudit(log: String, reason: AuditError)
  /// A log is of another audit, or its `started` line is not the leader's.
  case differentAudit(log: String, expected: String, found: String)
  /// Two logs of one device differ where both have events: one of them was changed, or the device was
  /// copied and used twice.
  case forked(device: String, sequence: Int, logs: [String])
  /// Who joined is not in the audit's inspection team.
  case notATeamMember(log: String, name: String)
  /// Who joined was never invited in the leader's log.
  case notInvited(log: String, name: String)
  /// An event of the merged audit is not valid where merging puts it.
  case invalidEvent(EventReference, type: String, reason: AuditError)
  /// The merged audit is finished, yet a member's event comes after the finishing: the leader must reopen
  /// the audit before merging it, so that the record says why it changed.
  case recordedAfterFinishing(EventReference, type: String)
  /// The merged audit is finished, yet items are open or in conflict.
  case finishedWithOpenItems([ItemID])
  /// A change to a team audit that the merged audit does not take.
  case refused(AuditError)

  /// What went wrong and what to do.
  public var description: String {
    switch self {
    case .noLogs: "no log to merge"
    case .notAnAudit(let log, let reason): "\(log): \(reason)"
    case .differentAudit(let log, let expected, let found):
      "\(log): not a log of this audit: it starts with audit \(found)'s \"started\" event, not \(expected)'s "
        + "(a member's log begins with a copy of the leader's first line: join from the leader's invitation)"
    case .forked(let device, let sequence, let logs):
      "device \(device) has two different logs (\(logs.joined(separator: ", "))), which part at its event "
        + "\(sequence): one was changed, or the device's log was copied and used on two machines"
    case .notATeamMember(let log, let name):
      "\(log): \(name) joined, but is not in this audit's inspection team"
    case .notInvited(let log, let name):
      "\(log): \(name) joined, but the leader's log has no invitation of them (`kycuong audit invite`)"
    case .invalidEvent(let reference, let type, let reason):
      "event \(reference) (\(type)) cannot be merged: \(reason)"
    case .recordedAfterFinishing(let reference, let type):
      "event \(reference) (\(type)) was recorded after the leader finished the audit: reopen the audit "
        + "(with the reason) before merging it"
    case .finishedWithOpenItems(let items):
      "the merged audit is finished, yet \(items.count) item(s) are open or in conflict: "
        + items.map(\.rawValue).joined(separator: ", ") + "; reopen it and resolve them"
    case .refused(let reason): "\(reason)"
    }
  }
}
