import Foundation
import KyCuong

/// What ``LogChain/verify(_:)`` found.
public struct LogVerification: Hashable, Sendable {
  /// Complete events read.
  public var eventCount: Int
  /// Events of version 1 (no `prev`), which the chain does not protect.
  public var unchainedEvents: Int
  /// Events of version 2, each checked against its predecessor and its own `sum`.
  public var chainedEvents: Int
  /// `sha256:` and the digest of the last complete line: what an export's `chainHead` must equal.
  public var head: String?
  /// Every problem, in line order; empty when the log is intact.
  public var problems: [Problem]

  /// A line, or the log as a whole, that does not check out.
  public struct Problem: Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Hashable, Sendable {
      /// The line is not an event (see ``/KyCuong/LogDamage``).
      case damage(LogDamage)
      /// The log does not end with a newline: its last line was cut off or changed.
      case noNewlineAtEnd
      /// A version 1 event (no `prev`) after chained ones: the chain was cut or the line replaced.
      case unchainedAfterChained
      /// The first chained line's `prev` is not the digest of an empty start.
      case firstPreviousMismatch
      /// A line's `prev` is not the digest of the line before it.
      case previousMismatch(previousLine: Int)
      /// A line's `sum` is not the digest of the line.
      case sumMismatch
      /// A line's `sum` member is missing, malformed or repeated.
      case sumMalformed
      /// No complete event.
      case noEvents
      /// The events do not make an audit.
      case doesNotReplay(AuditError)
    }

    /// The line, from 1 (0: the log as a whole).
    public var line: Int
    /// The event's sequence number, when the line could be read.
    public var sequence: Int?
    /// What is wrong.
    public var kind: Kind

    /// Whether the problem is a broken link of the chain (a line changed, removed, inserted or reordered
    /// after it was written), rather than a line that cannot be read.
    public var isChainBreak: Bool {
      switch kind {
      case .unchainedAfterChained, .firstPreviousMismatch, .previousMismatch, .sumMismatch, .sumMalformed:
        true
      default: false
      }
    }

    /// "line 4 (event 4): …".
    public var description: String {
      let reason: String
      switch kind {
      case .damage(let damage): return damage.description
      case .noNewlineAtEnd:
        reason = "the log does not end with a newline: its last line was cut off or changed"
      case .unchainedAfterChained:
        reason = "a version 1 event (no `prev`) after chained events: the chain was cut or the line replaced"
      case .firstPreviousMismatch:
        reason =
          "`prev` is not the digest of an empty start: earlier lines were removed, or this one was changed"
      case .previousMismatch(let previousLine):
        reason =
          "`prev` does not match line \(previousLine): that line was changed, or lines were removed, inserted or "
          + "reordered"
      case .sumMismatch: reason = "`sum` does not match the line: the line was changed"
      case .sumMalformed: reason = "the line's `sum` member is missing, malformed or repeated"
      case .noEvents: return "no complete event: not an audit log"
      case .doesNotReplay(let error): return "the events do not replay: \(error)"
      }
      if line == 0 { return reason }
      return "line \(line)" + (sequence.map { " (event \($0))" } ?? "") + ": " + reason
    }
  }

  /// Whether every event is chained and every link and digest matches.
  public var isIntact: Bool { problems.isEmpty && unchainedEvents == 0 && chainedEvents > 0 }
  /// The first problem: the first event that does not match.
  public var firstProblem: Problem? { problems.first }
}

/// An event could not be written as a chained line.
public struct ChainError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Why.
  public var reason: String
  /// The reason.
  public var description: String { reason }
}
