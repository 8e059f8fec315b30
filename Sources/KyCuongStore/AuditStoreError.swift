import Foundation
import KyCuong

/// Why the audit store refused an operation. Each case says what to fix.
public enum AuditStoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// An audit id that is not a plain file name (letters, digits, `-`, `_`, `.`; not starting with `.`).
  case badID(String)
  /// No log `<id>.jsonl` in the store's directory.
  case noSuchAudit(id: String, directory: String)
  /// `create` found a log with the same id already.
  case alreadyExists(id: String)
  /// Another process (or another store in this one) holds the audit's lock; `holder` is what its lock file
  /// says, `nil` when the file could not be read.
  case locked(id: String, holder: LockHolder?)
  /// The audit is not open for writing in this store (never opened, opened read-only, or closed).
  case notOpenForWriting(id: String)
  /// The log exists but does not rebuild into an audit.
  case unreadableLog(id: String, error: AuditError)
  /// The name given is neither a file nor the id of an audit in the store.
  case auditNotFound(name: String, directory: String)
  /// A file could not be read or written.
  case ioFailed(path: String, reason: IOFailure)
  /// A file of the store that the store will not touch: a symbolic link, something other than a regular file,
  /// or a lock file that is not one (it could be another audit's log, which taking the lock would destroy).
  case unsafeFile(path: String, problem: UnsafeFileProblem)
  /// A file given to merge into a team audit, or a device's log kept for one, is not an intact chained log.
  case deviceLogRefused(path: String, reason: String)
  /// The devices' logs of a team audit do not merge (``/KyCuong/TeamMergeError``).
  case teamMerge(TeamMergeError)
  /// The team audit is finished: merging more events needs it reopened first.
  case mergeIntoFinished(id: String, events: Int)
  /// An invitation to a team audit that cannot be used.
  case invitationRefused(path: String, reason: String)

  /// What went wrong and what to do, in English (the session renders its own Vietnamese and English text).
  public var description: String {
    switch self {
    case .badID(let id):
      "\"\(id)\" is not an audit id: use the id shown by `audits` (letters, digits and -)"
    case .noSuchAudit(let id, let directory):
      "no audit \"\(id)\" in \(directory); `audits` lists the saved ones"
    case .alreadyExists(let id): "an audit \"\(id)\" already exists; start again to get a new id"
    case .locked(let id, let holder):
      if let holder {
        "audit \(id) is open in another kycuong (pid \(holder.pid), user \(holder.user), host \(holder.host), "
          + "since \(Timestamp.string(from: holder.since))); close it there, or open this one read-only (`resume \(id) --read-only`)"
      } else {
        "audit \(id) is open in another kycuong; close it there, or open this one read-only (`resume \(id) --read-only`)"
      }
    case .notOpenForWriting(let id):
      "audit \(id) is not open for writing here; resume it (not read-only) first"
    case .unreadableLog(let id, let error): "the log of audit \(id) cannot be read: \(error)"
    case .auditNotFound(let name, let directory):
      "no audit \"\(name)\": not a file, and no \(name).jsonl or \(name).json in the store \(directory); give the path "
        + "of an event log (.jsonl) or export (.json), or point --store at the right folder"
    case .ioFailed(let path, let reason): "cannot write or read \(path): \(reason)"
    case .unsafeFile(let path, let problem): "\(path) \(problem); kycuong leaves it untouched"
    case .deviceLogRefused(let path, let reason):
      "\(path) cannot be merged: \(reason); nothing was merged"
    case .teamMerge(let error): "\(error); nothing was merged"
    case .mergeIntoFinished(let id, let events):
      "audit \(id) is finished: reopen it (`reopen REASON`) before merging \(events) new event(s), so that the "
        + "record says why it changed; nothing was merged"
    case .invitationRefused(let path, let reason): "\(path) is not a usable invitation: \(reason)"
    }
  }
}
