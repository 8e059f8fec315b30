import Foundation
import KyCuong

/// The hash chain of an event log (event format version 2).
///
/// Every line of a chained log carries `prev`, the hex SHA-256 of the exact bytes of the line before it
/// (without its newline; for the first line, the SHA-256 of no bytes, `e3b0c442…b855`), and `sum`, the hex
/// SHA-256 of its own bytes with the member `"sum":"…"` and one adjacent comma removed. Changing, removing,
/// inserting or reordering a line breaks the `prev` of the next line; changing the last line breaks its own
/// `sum`. Removing lines at the end leaves a shorter chain that is intact in itself: the export's `chainHead`
/// (and its signature) are what pin the end of the log.
///
/// Hashing the stored bytes rather than a re-encoding makes the check independent of how a JSON encoder
/// orders keys or formats numbers.
public enum LogChain {
  /// The `prev` of a log's first line: the SHA-256 of no bytes.
  public static let firstPrevious = Digest.empty

  /// One event as a chained line (version 2), newline included.
  ///
  /// - Parameter previousLine: The exact bytes of the log's last line (without its newline), or `nil` when the
  ///   event is the log's first.
  /// - Throws: ``ChainError`` when the event cannot be encoded.
  public static func line(for event: AuditEvent, after previousLine: Data?) throws(ChainError) -> Data {
    var event = event
    event.previousDigest = previousLine.map { Digest.hex(of: $0) } ?? firstPrevious
    event.lineDigest = nil
    do {
      let body = try EventLog.line(for: event).dropLast()
      event.lineDigest = Digest.hex(of: body)
      let line = try EventLog.line(for: event)
      // The line without its `sum` must be exactly the bytes the sum was computed over.
      guard let sum = event.lineDigest, let stripped = removingSum(sum, from: line.dropLast()),
        stripped == Data(body)
      else {
        throw ChainError(reason: "event \(event.sequence): the encoder did not place `sum` as expected")
      }
      return line
    } catch let error as ChainError {
      throw error
    } catch {
      throw ChainError(reason: "event \(event.sequence) cannot be encoded: \(error.localizedDescription)")
    }
  }

  /// `line` without the member `"sum":"<sum>"` and one adjacent comma, or `nil` unless that member occurs in it
  /// exactly once.
  public static func removingSum(_ sum: String, from line: some Collection<UInt8>) -> Data? {
    let bytes = Array(line)
    let member = Array("\"sum\":\"\(sum)\"".utf8)
    var found: [Int] = []
    if bytes.count >= member.count {
      for start in 0...(bytes.count - member.count) where bytes[start] == member[0] {
        if bytes[start..<start + member.count].elementsEqual(member) { found.append(start) }
      }
    }
    guard found.count == 1, let start = found.first else { return nil }
    var end = start + member.count
    var begin = start
    if begin > 0, bytes[begin - 1] == UInt8(ascii: ",") {
      begin -= 1
    } else if end < bytes.count, bytes[end] == UInt8(ascii: ",") {
      end += 1
    }
    return Data(bytes[..<begin] + bytes[end...])
  }

  /// `sha256:` and the hex SHA-256 of the exact bytes of the last complete line of `log`, or `nil` for a log
  /// with no complete event.
  public static func head(of log: Data) -> String? {
    EventLog.readLines(log).events.last.map { Digest.labelled($0.bytes) }
  }

  /// Checks every link and every line digest of `log`, and that its events replay into an audit.
  public static func verify(_ log: Data) -> LogVerification {
    let contents = EventLog.readLines(log)
    var problems: [LogVerification.Problem] = []
    for damage in contents.damage {
      let number = Int(damage.dropFirst("line ".count).prefix { $0.isNumber }) ?? 0
      problems.append(.init(line: number, sequence: nil, reason: damage))
    }
    if !log.isEmpty && !contents.endsWithNewline {
      problems.append(
        .init(
          line: contents.events.last?.lineNumber ?? 0, sequence: contents.events.last?.event.sequence,
          reason: "the log does not end with a newline: its last line was cut off or changed"))
    }
    var unchained = 0
    var chained = 0
    var previous: EventLog.RawEvent?
    for raw in contents.events {
      defer { previous = raw }
      let event = raw.event
      func problem(_ reason: String) {
        problems.append(.init(line: raw.lineNumber, sequence: event.sequence, reason: reason))
      }
      guard let prev = event.previousDigest, let sum = event.lineDigest else {
        if chained > 0 {
          problem(
            "a version 1 event (no `prev`) after chained events: the chain was cut or the line replaced")
        }
        unchained += 1
        continue
      }
      chained += 1
      let expected = previous.map { Digest.hex(of: $0.bytes) } ?? firstPrevious
      if prev != expected {
        problem(
          previous == nil
            ? "`prev` is not the digest of an empty start: earlier lines were removed, or this one was changed"
            : "`prev` does not match line \(previous?.lineNumber ?? 0): that line was changed, or lines were "
              + "removed, inserted or reordered")
      }
      if let stripped = removingSum(sum, from: raw.bytes) {
        if Digest.hex(of: stripped) != sum { problem("`sum` does not match the line: the line was changed") }
      } else {
        problem("the line's `sum` member is missing, malformed or repeated")
      }
    }
    var replayError: String?
    let events = contents.events.map(\.event)
    if events.isEmpty {
      problems.append(.init(line: 0, sequence: nil, reason: "no complete event: not an audit log"))
    } else {
      do {
        _ = try Audit(replaying: events)
      } catch {
        replayError = error.description
      }
    }
    if let replayError {
      problems.append(.init(line: 0, sequence: nil, reason: "the events do not replay: \(replayError)"))
    }
    problems.sort { ($0.line == 0 ? Int.max : $0.line) < ($1.line == 0 ? Int.max : $1.line) }
    return LogVerification(
      eventCount: contents.events.count, unchainedEvents: unchained, chainedEvents: chained,
      head: contents.events.last.map { Digest.labelled($0.bytes) }, problems: problems)
  }
}

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

  /// A line that does not match.
  public struct Problem: Hashable, Sendable, CustomStringConvertible {
    /// The line, from 1 (0: the log as a whole).
    public var line: Int
    /// The event's sequence number, when the line could be read.
    public var sequence: Int?
    /// What is wrong.
    public var reason: String

    /// "line 4 (event 4): …".
    public var description: String {
      if line == 0 { return reason }
      if reason.hasPrefix("line ") { return reason }
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
