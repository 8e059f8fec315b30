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
  ///
  /// - Parameter log: The log's bytes.
  /// - Returns: What was found; ``LogVerification/isIntact`` when nothing is wrong.
  public static func verify(_ log: Data) -> LogVerification {
    verify(EventLog.readLines(log), isEmpty: log.isEmpty)
  }

  /// Checks a log already read line by line (so that a caller that reads a log once checks it without
  /// reading it again).
  ///
  /// - Parameters:
  ///   - contents: The log as ``EventLog/readLines(_:)`` read it.
  ///   - isEmpty: Whether the file had no bytes at all.
  /// - Returns: What was found.
  public static func verify(_ contents: EventLog.RawContents, isEmpty: Bool = false) -> LogVerification {
    var problems: [LogVerification.Problem] = contents.damage.map {
      LogVerification.Problem(line: $0.line, sequence: nil, kind: .damage($0))
    }
    if !isEmpty && !contents.endsWithNewline {
      problems.append(
        .init(
          line: contents.events.last?.lineNumber ?? 0, sequence: contents.events.last?.event.sequence,
          kind: .noNewlineAtEnd))
    }
    var unchained = 0
    var chained = 0
    var previous: EventLog.RawEvent?
    for raw in contents.events {
      defer { previous = raw }
      let event = raw.event
      func problem(_ kind: LogVerification.Problem.Kind) {
        problems.append(.init(line: raw.lineNumber, sequence: event.sequence, kind: kind))
      }
      guard let prev = event.previousDigest, let sum = event.lineDigest else {
        if chained > 0 { problem(.unchainedAfterChained) }
        unchained += 1
        continue
      }
      chained += 1
      let expected = previous.map { Digest.hex(of: $0.bytes) } ?? firstPrevious
      if prev != expected {
        problem(previous.map { .previousMismatch(previousLine: $0.lineNumber) } ?? .firstPreviousMismatch)
      }
      if let stripped = removingSum(sum, from: raw.bytes) {
        if Digest.hex(of: stripped) != sum { problem(.sumMismatch) }
      } else {
        problem(.sumMalformed)
      }
    }
    let events = contents.events.map(\.event)
    if events.isEmpty {
      problems.append(.init(line: 0, sequence: nil, kind: .noEvents))
    } else {
      do {
        _ = try Audit(replaying: events)
      } catch {
        problems.append(.init(line: 0, sequence: nil, kind: .doesNotReplay(error)))
      }
    }
    problems.sort { ($0.line == 0 ? Int.max : $0.line) < ($1.line == 0 ? Int.max : $1.line) }
    return LogVerification(
      eventCount: contents.events.count, unchainedEvents: unchained, chainedEvents: chained,
      head: contents.events.last.map { Digest.labelled($0.bytes) }, problems: problems)
  }
}
