import Crypto
import Foundation
import KyCuong

extension LogChain {
  /// Checks the chain of a log line by line, as the log is read (``/KyCuong/EventLog/Reader``): each line is hashed
  /// once and only the digest of the line before it is kept, so checking a log of any length takes memory for
  /// one line.
  ///
  /// ```swift
  /// var verifier = LogChain.Verifier()
  /// EventLog.forEachLine(of: log) { verifier.check($0) }
  /// let result = verifier.verification(endsWithNewline: log.last == 0x0A, isEmpty: log.isEmpty, replaying: events)
  /// ```
  public struct Verifier: Sendable {
    private var problems: [LogVerification.Problem] = []
    private var unchained = 0
    private var chained = 0
    private var count = 0
    /// The line number and hex digest of the last event line checked.
    private var previous: (line: Int, digest: String)?
    private var lastSequence: Int?
    /// The exact bytes of the last event line checked (what the next line written after it chains to).
    public private(set) var lastLine: Data?

    /// A verifier at the start of a log.
    public init() {}

    /// `sha256:` and the digest of the last event line checked: the chain head of the log read so far.
    public var head: String? { previous.map { "sha256:" + $0.digest } }

    /// Checks the next line of the log.
    ///
    /// - Parameter line: The line, as the reader classified it.
    public mutating func check(_ line: EventLog.Line) {
      switch line {
      case .damage(let damage):
        problems.append(LogVerification.Problem(line: damage.line, sequence: nil, kind: .damage(damage)))
      case .event(let raw):
        check(raw)
      }
    }

    private mutating func check(_ raw: EventLog.RawEvent) {
      let event = raw.event
      count += 1
      func problem(_ kind: LogVerification.Problem.Kind) {
        problems.append(.init(line: raw.lineNumber, sequence: event.sequence, kind: kind))
      }
      let digest = Digest.hex(of: raw.bytes)
      defer {
        previous = (raw.lineNumber, digest)
        lastSequence = event.sequence
        lastLine = raw.bytes
      }
      guard let prev = event.previousDigest, let sum = event.lineDigest else {
        if chained > 0 { problem(.unchainedAfterChained) }
        unchained += 1
        return
      }
      chained += 1
      let expected = previous?.digest ?? firstPrevious
      if prev != expected {
        problem(previous.map { .previousMismatch(previousLine: $0.line) } ?? .firstPreviousMismatch)
      }
      let sumMatches: Bool? = raw.bytes.withUnsafeBytes { bytes in
        guard let cut = sumMember(sum, in: bytes) else { return nil }
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[..<cut.lowerBound]))
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[cut.upperBound...]))
        return Digest.hex(digest: hasher.finalize()) == sum
      }
      switch sumMatches {
      case nil: problem(.sumMalformed)
      case false?: problem(.sumMismatch)
      case true?: break
      }
    }

    /// What was found, once the whole log was read.
    ///
    /// - Parameters:
    ///   - endsWithNewline: Whether the log ends with a newline.
    ///   - isEmpty: Whether the file had no bytes at all.
    ///   - replay: Why the events read do not make an audit, or `nil` when they do (or there are none).
    /// - Returns: Every problem, in line order, and the head.
    public func verification(endsWithNewline: Bool, isEmpty: Bool, replay: AuditError?) -> LogVerification {
      var problems = problems
      if !isEmpty && !endsWithNewline {
        problems.append(.init(line: previous?.line ?? 0, sequence: lastSequence, kind: .noNewlineAtEnd))
      }
      if count == 0 {
        problems.append(.init(line: 0, sequence: nil, kind: .noEvents))
      } else if let replay {
        problems.append(.init(line: 0, sequence: nil, kind: .doesNotReplay(replay)))
      }
      problems.sort { ($0.line == 0 ? Int.max : $0.line) < ($1.line == 0 ? Int.max : $1.line) }
      return LogVerification(
        eventCount: count, unchainedEvents: unchained, chainedEvents: chained, head: head, problems: problems)
    }

    /// What was found, once the whole log was read, replaying `events` to check that they make an audit.
    ///
    /// - Parameters:
    ///   - endsWithNewline: Whether the log ends with a newline.
    ///   - isEmpty: Whether the file had no bytes at all.
    ///   - events: The events read.
    /// - Returns: Every problem, in line order, and the head.
    public func verification(
      endsWithNewline: Bool, isEmpty: Bool, replaying events: [AuditEvent]
    )
      -> LogVerification
    {
      var replay: AuditError?
      if !events.isEmpty {
        do {
          _ = try Audit(replaying: events)
        } catch {
          replay = error
        }
      }
      return verification(endsWithNewline: endsWithNewline, isEmpty: isEmpty, replay: replay)
    }
  }
}
